package com.thewans.gateway.ratelimit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.script.RedisScript;

import com.thewans.gateway.edge.ClientAddress;
import com.thewans.gateway.edge.EdgeProperties;

import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's RequestRateLimiter with Redis token buckets (one Lua call per request,
 * shared by every gateway instance). application.yml puts the general limiter on every route and
 * the sign-in limiter on the routes that hand out tokens.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiting {

    @Bean
    @Primary
    ClientKeyResolver clientKeyResolver(ClientAddress clientAddress) {
        return new ClientKeyResolver(clientAddress);
    }

    /**
     * Sign-in attempts are counted per address even with a token. The key differs from the general
     * one: both limiters run on the sign-in routes and would otherwise share (and drain) one bucket.
     */
    @Bean
    KeyResolver clientAddressKeyResolver(ClientAddress clientAddress) {
        return exchange -> Mono.just("sign-in:ip:" + clientAddress.of(exchange.getRequest()));
    }

    @Bean
    @Primary
    GeneralRateLimiter generalRateLimiter(EdgeProperties properties) {
        EdgeProperties.Bucket b = properties.rateLimit().general();
        return new GeneralRateLimiter(b.replenishRate(), b.burstCapacity(), b.requestedTokens());
    }

    /**
     * Spring Cloud Gateway's limiter script is read from its jar and, as a resource script, checked for
     * changes on every call: in a packaged gateway that opens the nested jar and throws and catches a
     * FileNotFoundException per request (about 5% of the gateway's CPU in a profile under load). The
     * same Lua, read once, is handed to every limiter instead.
     */
    @Bean
    static BeanPostProcessor rateLimiterScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof RedisScript<?> script) {
                    return RedisScript.of(script.getScriptAsString(), script.getResultType());
                }
                return bean;
            }
        };
    }

    @Bean
    RedisRateLimiter signInRateLimiter(EdgeProperties properties) {
        EdgeProperties.Bucket b = properties.rateLimit().signIn();
        return new RedisRateLimiter(b.replenishRate(), b.burstCapacity(), b.requestedTokens());
    }
}
