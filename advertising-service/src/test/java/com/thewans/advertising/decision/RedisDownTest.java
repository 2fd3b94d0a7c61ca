package com.thewans.advertising.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.thewans.advertising.AdSettings;
import com.thewans.advertising.AdsTestSupport;
import com.thewans.advertising.campaign.Campaigns;
import com.thewans.advertising.campaign.DeviceType;
import com.thewans.advertising.film.AdFilms;
import com.thewans.advertising.tracking.BeaconUrls;

/** Playback must never break because of ads: with the budget store unreachable, the answer is "no ads". */
class RedisDownTest extends AdsTestSupport {

    @Autowired
    AdFilms films;
    @Autowired
    Campaigns campaigns;
    @Autowired
    AdSettings settings;
    @Autowired
    BeaconUrls beacons;
    @Autowired
    CreativeMedia media;
    @Autowired
    BreakTokens breaks;

    @Test
    void withRedisUnreachableAnEligibleViewerGetsTheEmptyVastNotAnError() {
        UUID film = film();
        activeCampaign(campaignJson("Digicel", "{}", null));
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(java.time.Duration.ofMillis(500)).build());
        nowhere.afterPropertiesSet();
        StringRedisTemplate deadRedis = new StringRedisTemplate(nowhere);
        AdDecisions decisions = new AdDecisions(book, new BudgetGuard(deadRedis, settings), campaigns, settings, clock);
        AdServing serving = new AdServing(films, decisions, beacons, media, breaks, settings, clock);

        String vast = serving.vast(new ViewerContext(UUID.randomUUID(), "PG", DeviceType.WEB, ZoneId.of("UTC")), film);

        assertThat(vast).isEqualTo(VastDocument.EMPTY);
        nowhere.destroy();
    }
}
