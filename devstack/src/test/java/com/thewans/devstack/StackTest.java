package com.thewans.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that cannot succeed says why and leaves nothing running and no state behind. */
class StackTest {

    @TempDir
    Path repoRoot;

    @Test
    void aModuleThatIsNotBuiltIsNamedBeforeAnythingStarts() {
        StackOptions options = StackOptions.builder().repoRoot(repoRoot).build();
        assertThatThrownBy(() -> Stack.start(options))
                .isInstanceOf(DevstackException.class)
                .hasMessageStartingWith("gateway is not built (no gateway/target/gateway.jar)");
        assertThat(options.pidFile()).doesNotExist();
        assertThat(ProcessHandle.current().children()).isEmpty();
    }

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRuns() throws Exception {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path jar = repoRoot.resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "not started: the port check comes first");
        }
        try (ServerSocket taken = new ServerSocket(0)) {
            int offset = taken.getLocalPort() - ServiceSpec.GATEWAY.defaultPort();
            StackOptions options = StackOptions.builder().repoRoot(repoRoot).portOffset(offset).build();
            assertThatThrownBy(() -> Stack.start(options))
                    .hasMessage("port " + taken.getLocalPort() + " (gateway) is already in use; "
                            + "stop what holds it or start with another --port-offset");
            assertThat(options.pidFile()).doesNotExist();
            assertThat(options.stateFile()).doesNotExist();
            assertThat(ProcessHandle.current().children()).isEmpty();
        }
    }

    @Test
    void aSecondStackOnTheSameDirectoryIsRefused() {
        StackOptions options = StackOptions.builder().repoRoot(repoRoot).build();
        PidFile.ofCurrentProcess().write(options.pidFile());
        assertThatThrownBy(() -> Stack.start(options))
                .hasMessageStartingWith("a stack is already running from " + options.baseDir());
        assertThat(options.pidFile()).as("the running stack's pid file is not ours to remove").exists();
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsItIs() throws Exception {
        Path jar = repoRoot.resolve("plain.jar");
        Files.writeString(jar, "not a Spring Boot jar");
        LaunchCache cache = new LaunchCache(repoRoot.resolve("cache"),
                ProcessHandle.current().info().command().orElseThrow(), true);
        assertThat(cache.prepare("plain", jar)).isEqualTo(LaunchCache.Launch.plain(jar));
        assertThat(new LaunchCache(repoRoot.resolve("cache"), "java", false).prepare("plain", jar).jvmOptions()).isEmpty();
    }
}
