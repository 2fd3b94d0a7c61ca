package com.thewans.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The whole platform on one machine: infrastructure, then the gateway and the ten services as child
 * JVMs, each awaited on its /health. {@link #start} returns once everything is healthy or throws
 * having stopped whatever it had started; {@link #close} stops it all, children's children included.
 *
 * <pre>{@code
 * try (Stack stack = Stack.start(StackOptions.builder().repoRoot(root).baseDir(tmp).portOffset(20000).build())) {
 *     http.get(stack.gatewayUrl() + "/api/films");
 * }
 * }</pre>
 */
public final class Stack implements AutoCloseable {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    /** Eleven JVMs dumping their first class data archives at once need a while on two cores. */
    private static final Duration ARCHIVING_GRACE = Duration.ofSeconds(120);

    private final StackOptions options;
    private final Infrastructure infrastructure;
    private final LaunchCache launchCache;
    private final Map<String, LaunchCache.Launch> launches = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Planned> planned;
    private final List<ChildProcess> started = new ArrayList<>();
    private final Map<String, Duration> took = new LinkedHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lock = new Object();
    private Instant startedAt;
    private boolean ownsFiles;
    private boolean ready;
    private Thread shutdownHook;

    /** A platform process to start: which jar, on which port, with which extra variables. */
    private record Planned(String name, ServiceSpec spec, int port, Map<String, String> extraEnv) {
        String url() {
            return "http://localhost:" + port;
        }
    }

    private Stack(StackOptions options) {
        this.options = options;
        this.launchCache = new LaunchCache(options.cacheDir(), options.javaCommand(), options.classDataSharing());
        this.infrastructure = new Infrastructure(options, launchCache);
        this.planned = plan(options);
    }

    /** Prepares a stack without starting anything (the command line installs its Ctrl-C handling first). */
    public static Stack prepare(StackOptions options) {
        return new Stack(options);
    }

    /**
     * Starts everything and waits until it is healthy. A JVM shutdown hook stops the stack if the
     * caller never closes it.
     */
    public static Stack start(StackOptions options) {
        Stack stack = new Stack(options);
        stack.installShutdownHook();
        stack.startAndAwaitHealthy();
        return stack;
    }

    public void installShutdownHook() {
        shutdownHook = new Thread(this::close, "devstack-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private static List<Planned> plan(StackOptions options) {
        List<Planned> plan = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            plan.add(new Planned(spec.name(), spec, options.port(spec.defaultPort()), Map.of()));
        }
        ServiceSpec transcoding = ServiceSpec.byName("transcoding-service").orElseThrow();
        for (int i = 1; i <= options.transcodingWorkers(); i++) {
            // workers take jobs from the queue; their HTTP port only serves /health
            plan.add(new Planned("transcoding-worker-" + i, transcoding, Ports.freePort(), Map.of("WANS_MODE", "worker")));
        }
        return List.copyOf(plan);
    }

    /** Starts infrastructure and every service, then waits for all of them; on any failure stops all. */
    public void startAndAwaitHealthy() {
        try {
            startedAt = Instant.now();
            Instant deadline = startedAt.plus(options.startTimeout());
            prepareDirectories();
            takeOver();
            requireJars();
            List<Ports.Claim> claims = new ArrayList<>(infrastructure.claims());
            planned.forEach(p -> claims.add(new Ports.Claim(p.name(), p.port())));
            Ports.requireFree(claims);
            ownsFiles = true;
            PidFile.ofCurrentProcess().write(options.pidFile());

            options.progress("Starting infrastructure (data under " + options.dataDir() + ")");
            infrastructure.startS3();
            saveState();
            infrastructure.startPostgres();
            saveState();
            infrastructure.startRedis();
            saveState();
            infrastructure.startSmtp();
            infrastructure.startPaymentSandboxes();
            infrastructure.startSmsSandbox();
            infrastructure.provision(ServiceSpec.SERVICES.stream().map(ServiceSpec::schema).toList());
            options.progress("  postgres, redis, smtp ready; schemas provisioned ("
                    + HealthWaiter.seconds(Duration.between(startedAt, Instant.now())) + ")");

            prepareLaunches();
            options.progress("Starting " + planned.size() + " platform processes (logs under " + options.logDir() + ")");
            List<HealthWaiter.Watch> watches = new ArrayList<>();
            infrastructure.s3Process().ifPresent(p -> watches.add(new HealthWaiter.Watch(member("s3"), p)));
            for (Planned p : planned) {
                ChildProcess child = launch(p);
                watches.add(new HealthWaiter.Watch(memberOf(p, child), child));
            }
            saveState();
            took.putAll(new HealthWaiter().await(watches, startedAt, deadline, options::progress, stopping::get));
            synchronized (lock) {
                ready = true;
            }
            saveState();
            watchForExits();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void prepareDirectories() {
        try {
            Files.createDirectories(options.logDir());
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new DevstackException("could not create " + options.baseDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses to run twice on one base directory, and clears up after a devstack that was killed
     * without stopping its children (kill -9, a closed laptop lid during a crash).
     */
    private void takeOver() {
        Optional<PidFile> pid = PidFile.read(options.pidFile());
        if (pid.isPresent() && pid.get().liveProcess().isPresent()) {
            throw new DevstackException("a stack is already running from " + options.baseDir() + " (pid "
                    + pid.get().pid() + "); see ./wans status, stop it with ./wans down");
        }
        int cleaned = clearStale(options);
        if (cleaned > 0 || pid.isPresent()) {
            options.progress("Cleaned up after a devstack that did not stop cleanly"
                    + (cleaned > 0 ? " (stopped " + cleaned + " leftover processes)" : ""));
        }
    }

    /**
     * Stops the processes a dead devstack's state file names (only those still the same process)
     * and removes its pid and state files. Returns how many processes were stopped.
     */
    public static int clearStale(StackOptions options) {
        Optional<StateFile> state = StateFile.read(options.stateFile());
        List<ProcessHandle> leftovers = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        state.ifPresent(s -> s.members().forEach(m -> {
            if (m.pid() != 0 && m.pid() != self) {
                ProcessTree.ifSame(m.pid(), m.startMillis()).ifPresent(leftovers::add);
            }
        }));
        ProcessTree.stopAll(leftovers, Duration.ofSeconds(15));
        try {
            Files.deleteIfExists(options.stateFile());
            Files.deleteIfExists(options.pidFile());
        } catch (IOException e) {
            throw new DevstackException("could not remove stale state in " + options.baseDir() + ": " + e.getMessage(), e);
        }
        return leftovers.size();
    }

    private void requireJars() {
        for (Planned p : planned) {
            Path jar = options.jarOf(p.spec().module());
            if (!Files.isRegularFile(jar)) {
                throw new DevstackException(p.spec().module() + " is not built (no " + options.repoRoot().relativize(jar)
                        + "); run ./mvnw -DskipTests package, or ./wans up which builds what is stale");
            }
        }
    }

    /** Extracts the jars that changed since the last start, two at a time (one per core). */
    private void prepareLaunches() {
        List<String> modules = planned.stream().map(p -> p.spec().module()).distinct().toList();
        Instant begin = Instant.now();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (String module : modules) {
                work.add(pool.submit(() -> launchCache.prepare(module, options.jarOf(module), module)));
            }
            for (var w : work) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while preparing the service jars");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new DevstackException("could not prepare the service jars: " + Infrastructure.oneLine(e), e);
        } finally {
            pool.shutdownNow();
        }
        launchCache.pruneSharedLibraries();
        Duration took = Duration.between(begin, Instant.now());
        if (took.toMillis() > 1000) {
            options.progress("  extracted changed jars into " + options.cacheDir() + " (" + HealthWaiter.seconds(took)
                    + "; the first start after a build also writes class data archives on exit)");
        }
    }

    private ChildProcess launch(Planned p) {
        Map<String, String> env = new LinkedHashMap<>(infrastructure.serviceEnvironment());
        env.putAll(options.stackUrls());
        env.put("PORT", Integer.toString(p.port()));
        env.put("WANS_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        if (p.spec().hasSchema()) {
            env.put("DATABASE_USER", p.spec().schema());
            env.put("DATABASE_PASSWORD", options.databasePassword(p.spec().schema()));
        }
        env.putAll(options.serviceEnvironment());
        env.putAll(p.extraEnv());
        LaunchCache.Launch launch = launchCache.prepare(p.spec().module(), options.jarOf(p.spec().module()), p.name());
        launches.put(p.name(), launch);
        List<String> command = new ArrayList<>();
        command.add(options.javaCommand());
        command.addAll(options.jvmOptions());
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.jar().toString());
        synchronized (lock) {
            if (stopping.get()) {
                throw new DevstackException("stopping: not starting " + p.name());
            }
            ChildProcess child = ChildProcess.start(p.name(), command, env, options.repoRoot(),
                    options.logDir().resolve(p.name() + ".log"));
            started.add(child);
            return child;
        }
    }

    /** After start-up a process that exits is reported, not restarted: its log says why. */
    private void watchForExits() {
        List<ChildProcess> children = new ArrayList<>(started);
        infrastructure.s3Process().ifPresent(children::add);
        for (ChildProcess child : children) {
            child.process().onExit().thenRun(() -> {
                if (!stopping.get()) {
                    options.progress(child.name() + " exited with code " + child.exitCode() + "; see " + child.logFile());
                }
            });
        }
    }

    private Member memberOf(Planned p, ChildProcess child) {
        return new Member(p.name(), p.url(), child != null ? child.pid() : 0, child != null ? child.startMillis() : 0,
                p.url() + "/health", false);
    }

    private Member member(String name) {
        return members().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new DevstackException("no member named " + name));
    }

    /** The gateway and services first, then the infrastructure. */
    public List<Member> members() {
        List<Member> members = new ArrayList<>();
        synchronized (lock) {
            for (Planned p : planned) {
                ChildProcess child = started.stream().filter(c -> c.name().equals(p.name())).findFirst().orElse(null);
                members.add(memberOf(p, child));
            }
        }
        members.addAll(infrastructure.members());
        return members;
    }

    private void saveState() {
        synchronized (lock) {
            if (!ownsFiles || stopping.get()) {
                return;
            }
            PidFile self = PidFile.ofCurrentProcess();
            new StateFile(self.pid(), self.startMillis(), ready, members(), took).write(options.stateFile());
        }
    }

    public StackOptions options() {
        return options;
    }

    public String gatewayUrl() {
        return serviceUrl(ServiceSpec.GATEWAY.name());
    }

    /** {@code http://localhost:<port>} of the gateway, a service ("catalog-service") or a worker. */
    public String serviceUrl(String name) {
        return planned.stream().filter(p -> p.name().equals(name)).findFirst().map(Planned::url)
                .orElseThrow(() -> new DevstackException("no service named " + name));
    }

    /** How long each member took to become healthy, from the start of {@link #startAndAwaitHealthy}. */
    public Map<String, Duration> took() {
        return Map.copyOf(took);
    }

    public Duration totalStartTime() {
        return took.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public String jdbcUrl() {
        return infrastructure.jdbcUrl();
    }

    public String redisUrl() {
        return infrastructure.redisUrl();
    }

    public String s3Endpoint() {
        return infrastructure.s3Endpoint();
    }

    public DataSource adminDataSource() {
        return infrastructure.adminDataSource();
    }

    /** The embedded SMTP catcher's received mail (empty when SMTP is external). */
    public Optional<GreenMail> mailbox() {
        return infrastructure.mailbox();
    }

    /** The embedded SMS sandbox (texts sent by the platform), when the stack runs one. */
    public Optional<com.thewans.sandbox.SmsSandbox> smsSandbox() {
        return infrastructure.smsSandbox();
    }

    public boolean isStopping() {
        return stopping.get();
    }

    /** Blocks until {@link #close} has finished (the command line's foreground wait). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops the services and the gateway (SIGTERM, then SIGKILL after a grace period, descendants
     * included), then the infrastructure, then removes the pid and state files. Safe to call twice
     * and from a shutdown hook.
     */
    @Override
    public void close() {
        List<ChildProcess> children;
        synchronized (lock) {
            if (stopping.getAndSet(true)) {
                children = null;
            } else {
                children = new ArrayList<>(started);
            }
        }
        if (children == null) {
            // another thread is stopping the stack: wait for it rather than race it
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            stopPlatform(children);
            infrastructure.close();
            if (ownsFiles) {
                Files.deleteIfExists(options.stateFile());
                Files.deleteIfExists(options.pidFile());
            }
            if (ownsFiles) {
                options.progress("Stopped.");
            }
        } catch (IOException e) {
            options.progress("could not remove " + options.stateFile() + ": " + e.getMessage());
        } finally {
            stopped.countDown();
            removeShutdownHook();
        }
    }

    /**
     * Processes that write their first class data archive on exit get time for it, two at a time
     * (one per core) so none is killed half-way because the others took the CPU. Processes that
     * never became healthy are not allowed to leave an archive of a failed start behind.
     */
    private void stopPlatform(List<ChildProcess> children) {
        List<ChildProcess> archiving = new ArrayList<>();
        List<ChildProcess> others = new ArrayList<>();
        List<ChildProcess> unhealthy = new ArrayList<>();
        for (ChildProcess child : children) {
            LaunchCache.Launch launch = launches.get(child.name());
            boolean writes = launch != null && launch.writesArchiveOnExit();
            if (writes && took.containsKey(child.name())) {
                archiving.add(child);
            } else if (writes) {
                unhealthy.add(child);
            } else {
                others.add(child);
            }
        }
        if (!children.isEmpty()) {
            options.progress("Stopping " + children.size() + " platform processes"
                    + (archiving.isEmpty() ? "" : " (" + archiving.size() + " first write their class data archives, "
                    + "which takes a while once after a build)") + "...");
        }
        ProcessTree.stopAll(unhealthy.stream().map(ChildProcess::handle).toList(), Duration.ZERO);
        unhealthy.forEach(c -> launches.get(c.name()).discardArchive());
        ProcessTree.stopAll(others.stream().map(ChildProcess::handle).toList(), SERVICE_GRACE);
        for (int i = 0; i < archiving.size(); i += 2) {
            List<ProcessHandle> batch = archiving.subList(i, Math.min(i + 2, archiving.size())).stream()
                    .map(ChildProcess::handle).toList();
            ProcessTree.stopAll(batch, ARCHIVING_GRACE);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }
}
