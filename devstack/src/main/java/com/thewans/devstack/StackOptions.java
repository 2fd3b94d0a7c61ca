package com.thewans.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one stack looks like: where the jars are, where its data and logs live, which ports it uses
 * (the defaults plus an offset, so the system tests can run a second stack beside a developer's),
 * which infrastructure is external, and how the child JVMs are sized.
 */
public final class StackOptions {

    /**
     * Small JVMs: eleven of them share two cores. C1 only and the serial collector start fastest and
     * keep the footprint down; none of these processes needs peak throughput on a laptop.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(300);
    public static final int MAX_TRANSCODING_WORKERS = 16;
    /** The highest default port (S3Mock's https port) plus the offset must stay a valid port. */
    static final int MAX_PORT_OFFSET = 65535 - Infrastructure.S3_HTTPS_PORT;

    private final Path repoRoot;
    private final Path baseDir;
    private final int portOffset;
    private final int transcodingWorkers;
    private final Duration startTimeout;
    private final List<String> jvmOptions;
    private final Externals externals;
    private final Map<String, String> environment;
    private final Map<String, String> serviceEnvironment;
    private final String javaCommand;
    private final Path cacheDir;
    private final boolean classDataSharing;
    private final Consumer<String> progress;

    private StackOptions(Builder b) {
        this.repoRoot = b.repoRoot.toAbsolutePath().normalize();
        this.baseDir = (b.baseDir != null ? b.baseDir : repoRoot.resolve(".wans")).toAbsolutePath().normalize();
        this.portOffset = b.portOffset;
        this.transcodingWorkers = b.transcodingWorkers;
        this.startTimeout = b.startTimeout;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.externals = b.externals;
        this.environment = Map.copyOf(b.environment);
        this.serviceEnvironment = Map.copyOf(b.serviceEnvironment);
        this.javaCommand = b.javaCommand != null ? b.javaCommand : currentJava();
        this.cacheDir = (b.cacheDir != null ? b.cacheDir : baseDir.resolve("cache")).toAbsolutePath().normalize();
        this.classDataSharing = b.classDataSharing;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options as the command line gets them: WANS_* variables for the stack itself and the services'
     * own variable names for external infrastructure. Every value is validated here.
     */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder b = builder().environment(env).externals(Externals.fromEnvironment(env));
        String offset = env.get("WANS_PORT_OFFSET");
        if (offset != null && !offset.isBlank()) {
            b.portOffset(wholeNumber("WANS_PORT_OFFSET", offset, 0, MAX_PORT_OFFSET));
        }
        String workers = env.get("WANS_TRANSCODING_WORKERS");
        if (workers != null && !workers.isBlank()) {
            b.transcodingWorkers(wholeNumber("WANS_TRANSCODING_WORKERS", workers, 0, MAX_TRANSCODING_WORKERS));
        }
        String timeout = env.get("WANS_START_TIMEOUT");
        if (timeout != null && !timeout.isBlank()) {
            b.startTimeout(duration("WANS_START_TIMEOUT", timeout));
        }
        String javaOpts = env.get("WANS_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            b.jvmOptions(Arrays.asList(javaOpts.trim().split("\\s+")));
        }
        b.classDataSharing(classDataSharing(env.get("WANS_CDS")));
        String dir = env.get("WANS_DIR");
        if (dir != null && !dir.isBlank()) {
            b.baseDir(Path.of(dir.trim()));
        }
        return b;
    }

    /** A whole number within bounds, or a one-line explanation naming the setting. */
    public static int wholeNumber(String setting, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new DevstackException(setting + "=" + value + " is not a whole number from " + min + " to " + max);
    }

    /** "300", "300s", "5m" or "1h": a positive time, or a one-line explanation naming the setting. */
    public static Duration duration(String setting, String value) {
        String v = value.trim().toLowerCase();
        try {
            long n;
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                n = Long.parseLong(v);
                d = Duration.ofSeconds(n);
            }
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // explained below
        }
        throw new DevstackException(setting + "=" + value + " is not a positive time such as 300, 300s or 5m");
    }

    /** WANS_CDS: on (default) or off. */
    static boolean classDataSharing(String setting) {
        if (setting == null || setting.isBlank()) {
            return true;
        }
        return switch (setting.trim().toLowerCase()) {
            case "on", "true", "1", "yes" -> true;
            case "off", "false", "0", "no" -> false;
            default -> throw new DevstackException("WANS_CDS=" + setting + " is neither on nor off");
        };
    }

    private static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path baseDir() {
        return baseDir;
    }

    public Path logDir() {
        return baseDir.resolve("logs");
    }

    public Path dataDir() {
        return baseDir.resolve("data");
    }

    public Path pidFile() {
        return baseDir.resolve("devstack.pid");
    }

    public Path stateFile() {
        return baseDir.resolve("state.properties");
    }

    public int portOffset() {
        return portOffset;
    }

    /** A default port moved by this stack's offset. */
    public int port(int defaultPort) {
        return defaultPort + portOffset;
    }

    /**
     * Every address of this stack that a process is told: each service's {@code <NAME>_URL}, and the
     * public base players prefix to key URIs (the gateway). All follow the port offset, so a second
     * stack never hands out the first one's addresses.
     */
    public Map<String, String> stackUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (ServiceSpec s : ServiceSpec.SERVICES) {
            urls.put(s.urlVariable(), "http://localhost:" + port(s.defaultPort()));
        }
        urls.put("PLAYBACK_KEY_BASE_URL", "http://localhost:" + port(ServiceSpec.GATEWAY.defaultPort()));
        // where playback's manifests, playlists and keys are reached by players: the gateway too
        urls.put("PLAYBACK_PUBLIC_BASE_URL", "http://localhost:" + port(ServiceSpec.GATEWAY.defaultPort()));
        // where players fetch advertising's later ad breaks and fire its beacons: the gateway
        urls.put("ADS_PUBLIC_BASE_URL", "http://localhost:" + port(ServiceSpec.GATEWAY.defaultPort()));
        return urls;
    }

    public int transcodingWorkers() {
        return transcodingWorkers;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public Externals externals() {
        return externals;
    }

    /** Extra variables every service and the gateway get (the system tests point providers at stubs). */
    public Map<String, String> serviceEnvironment() {
        return serviceEnvironment;
    }

    public String javaCommand() {
        return javaCommand;
    }

    /** Extracted jars and class data sharing archives (see {@link LaunchCache}). */
    public Path cacheDir() {
        return cacheDir;
    }

    public boolean classDataSharing() {
        return classDataSharing;
    }

    public void progress(String line) {
        progress.accept(line);
    }

    /** The jar a module builds: {@code <module>/target/<module>.jar}. */
    public Path jarOf(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public Path s3MockJar() {
        return repoRoot.resolve("devstack").resolve("target").resolve("tools").resolve("s3mock.jar");
    }

    /**
     * The password of a service's database role: {@code <SCHEMA>_DB_PASSWORD} if set, otherwise the
     * local development default every service also falls back to.
     */
    public String databasePassword(String schema) {
        String configured = environment.get(schema.toUpperCase() + "_DB_PASSWORD");
        return configured == null || configured.isEmpty() ? "dev-only-" + schema : configured;
    }

    public static final class Builder {
        private Path repoRoot = defaultRepoRoot();
        private Path baseDir;
        private int portOffset;
        private int transcodingWorkers;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private Externals externals = Externals.none();
        private Map<String, String> environment = Map.of();
        private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        private String javaCommand;
        private Path cacheDir;
        // WANS_CDS=off also reaches stacks built in code (the system tests), e.g. on CI, where a
        // fresh clone would write archives at the end only to throw them away
        private boolean classDataSharing = defaultClassDataSharing();
        private Consumer<String> progress = line -> { };

        private static boolean defaultClassDataSharing() {
            try {
                return StackOptions.classDataSharing(System.getenv("WANS_CDS"));
            } catch (DevstackException e) {
                return true;
            }
        }

        private static Path defaultRepoRoot() {
            String configured = System.getProperty("wans.repoRoot");
            return Path.of(configured != null ? configured : "").toAbsolutePath();
        }

        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot);
            return this;
        }

        /** Data, logs, pid and state files; {@code <repoRoot>/.wans} unless set. */
        public Builder baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        public Builder portOffset(int portOffset) {
            if (portOffset < 0 || portOffset > MAX_PORT_OFFSET) {
                throw new DevstackException("port offset " + portOffset + " is not a whole number from 0 to " + MAX_PORT_OFFSET);
            }
            this.portOffset = portOffset;
            return this;
        }

        public Builder transcodingWorkers(int workers) {
            if (workers < 0 || workers > MAX_TRANSCODING_WORKERS) {
                throw new DevstackException("transcoding workers " + workers + " is not a whole number from 0 to "
                        + MAX_TRANSCODING_WORKERS);
            }
            this.transcodingWorkers = workers;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        public Builder externals(Externals externals) {
            this.externals = Objects.requireNonNull(externals);
            return this;
        }

        /** Where {@code <SCHEMA>_DB_PASSWORD} values are read from. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder serviceEnvironment(String name, String value) {
            this.serviceEnvironment.put(name, value);
            return this;
        }

        /**
         * Where extracted jars and class data archives live; {@code <baseDir>/cache} unless set. The
         * system tests may point several temporary stacks at one cache to start faster.
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        /** Extract jars and use class data sharing archives (on by default; WANS_CDS=off turns it off). */
        public Builder classDataSharing(boolean classDataSharing) {
            this.classDataSharing = classDataSharing;
            return this;
        }

        public Builder javaCommand(String javaCommand) {
            this.javaCommand = javaCommand;
            return this;
        }

        /** Where progress lines go (the command line prints them; tests may log or drop them). */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public Builder progress(PrintStream out) {
            return progress(out::println);
        }

        public StackOptions build() {
            return new StackOptions(this);
        }
    }
}
