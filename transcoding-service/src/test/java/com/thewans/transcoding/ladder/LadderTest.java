package com.thewans.transcoding.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.thewans.media.MediaInfo;
import com.thewans.media.NotAPlayableVideo;

class LadderTest {

    private static MediaInfo source(int width, int height) {
        return new MediaInfo(60, width, height, 25, "h264", "aac", "mov,mp4,m4a,3gp,3g2,mj2");
    }

    private static List<String> names(List<Rung> rungs) {
        return rungs.stream().map(Rung::name).toList();
    }

    @Test
    void everyRungUpToTheSourceHeightAndNeverAnUpscale() throws Exception {
        assertThat(names(Ladder.choose(source(3840, 2160), List.of())))
                .containsExactly("240p", "360p", "480p", "720p", "1080p", "1440p", "2160p");
        assertThat(names(Ladder.choose(source(1280, 720), List.of()))).containsExactly("240p", "360p", "480p", "720p");
        assertThat(names(Ladder.choose(source(1920, 800), List.of())))
                .as("a scope master is 800 lines: no 1080p").containsExactly("240p", "360p", "480p", "720p");
        assertThat(names(Ladder.choose(source(1080, 1920), List.of())))
                .as("portrait: the short side names the rung").endsWith("1080p");
    }

    @Test
    void aRequestedSubsetIsHonouredButStillNotUpscaled() throws Exception {
        assertThat(names(Ladder.choose(source(1920, 1080), Set.of("360p", "1080p", "2160p"))))
                .containsExactly("360p", "1080p");
        assertThatThrownBy(() -> Ladder.choose(source(640, 360), Set.of("1080p")))
                .isInstanceOf(NotAPlayableVideo.class).hasMessageContaining("never upscaled");
    }

    @Test
    void aTinyMasterGetsOneRenditionAtItsOwnSize() throws Exception {
        assertThat(Ladder.choose(source(320, 181), Collections.emptyList())).singleElement()
                .satisfies(r -> assertThat(r.height()).isEqualTo(180));
    }

    @Test
    void theEncodeDecodesOnceWithFixedAlignedKeyframes() throws Exception {
        EncodePlan plan = EncodePlan.of(source(1920, 1080), Ladder.choose(source(1920, 1080), List.of()), "veryfast");
        List<String> args = plan.arguments(Path.of("m.mp4"), Path.of("hls"), Path.of("dash"), Path.of("p.jpg"),
                Path.of("tiles"), "00".repeat(16), "11".repeat(16));

        assertThat(args.stream().filter("-i"::equals)).as("one input, decoded once").hasSize(1);
        String graph = args.get(args.indexOf("-filter_complex") + 1);
        assertThat(graph).startsWith("[0:v:0]split=7").contains("scale=-2:1080", "scale=-2:240", "fps=1/1,scale=160:90");
        assertThat(args.get(args.indexOf("-g") + 1)).isEqualTo("50");
        assertThat(args.get(args.indexOf("-keyint_min") + 1)).isEqualTo("50");
        assertThat(args.get(args.indexOf("-sc_threshold") + 1)).isEqualTo("0");
        assertThat(args).contains("-b:v:4", "5000k", "-maxrate:v:4", "5500k", "-c:a", "aac");
    }
}
