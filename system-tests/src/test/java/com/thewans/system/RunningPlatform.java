package com.thewans.system;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.thewans.testkit.TestHttp;
import com.thewans.devstack.Stack;
import com.thewans.devstack.StackOptions;

/**
 * The whole platform started the way ./wans up starts it (embedded PostgreSQL, Redis, S3 and SMTP,
 * the gateway and ten services as separate JVMs), on shifted ports so it never clashes with a
 * developer's running stack. Started once per test JVM and shared by every system test class
 * (eleven cold JVMs take minutes on two cores, so no class gets its own); each class registers this
 * extension. The stack is kept in JUnit's root store, which closes it when the last class is done,
 * while the test JVM is still alive: a JVM shutdown hook would be cut short by Surefire and leave
 * PostgreSQL, Redis and S3Mock behind.
 */
final class RunningPlatform implements BeforeAllCallback {

    /**
     * Ports 3001.. become 23001.., the gateway 28080, PostgreSQL 25432, Redis 26379; WANS_SYSTEM_TEST_PORT_OFFSET
     * moves them, so two checkouts on one machine can run their system tests side by side.
     */
    static final int PORT_OFFSET = Integer.parseInt(
            System.getenv().getOrDefault("WANS_SYSTEM_TEST_PORT_OFFSET", "20000"));
    /** The installation's first administrator (identity's FIRST_ADMIN_* settings), for these tests only. */
    static final String ADMIN_EMAIL = "first-admin@system-test.thewans.test";
    static final String ADMIN_PASSWORD = "System-test-only-admin-42";

    static final Path FFMPEG_CACHE = Path.of("").toAbsolutePath().resolve("target/ffmpeg");

    private static Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningPlatform.class, key -> new Running(stack()), Running.class);
    }

    /** Closed by JUnit at the end of the run. */
    private record Running(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }

    static synchronized Stack stack() {
        if (stack == null) {
            Path repoRoot = Path.of("").toAbsolutePath().getParent();
            stack = Stack.start(StackOptions.builder()
                    .repoRoot(repoRoot)
                    .baseDir(repoRoot.resolve("system-tests/target/wans"))
                    .portOffset(PORT_OFFSET)
                    // eleven cold JVMs on two cores: about two minutes alone, far more on a busy machine
                    .startTimeout(Duration.ofMinutes(12))
                    .serviceEnvironment("FIRST_ADMIN_EMAIL", ADMIN_EMAIL)
                    .serviceEnvironment("FIRST_ADMIN_PASSWORD", ADMIN_PASSWORD)
                    // where transcoding extracts its bundled FFmpeg; the tests make their masters with it
                    .serviceEnvironment("FFMPEG_CACHE_DIR", FFMPEG_CACHE.toString())
                    // a mobile-money approval whose callback was lost is found by the next poll: soon, in tests
                    .serviceEnvironment("MOBILE_MONEY_POLL_EVERY", "2s")
                    // recommendation's job folds new watches into trending and similarities: soon, in tests
                    .serviceEnvironment("RECOMMEND_RECOMPUTE_INTERVAL", "2s")
                    // ad counts reach reports, and campaign changes reach ad decisions, within a second
                    .serviceEnvironment("ADS_FLUSH_INTERVAL", "1s")
                    .serviceEnvironment("ADS_CAMPAIGN_REFRESH", "1s")
                    .progress(System.out)
                    .build());
        }
        return stack;
    }

    static TestHttp gateway() {
        return new TestHttp(stack().gatewayUrl());
    }
}
