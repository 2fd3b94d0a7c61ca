package com.thewans.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.net.URI;
import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.thewans.common.db.SchemaProvisioner;
import com.thewans.sandbox.SandboxDefaults;
import com.thewans.sandbox.Sandboxes;
import com.thewans.sandbox.SmsSandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * PostgreSQL, Redis, an S3-compatible store and an SMTP catcher: embedded, with their data under
 * {@code <baseDir>/data} so a restart keeps it, unless the environment names external ones. Each
 * {@code start...} step is separate so a Ctrl-C between steps stops what is already running.
 */
public final class Infrastructure implements AutoCloseable {

    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;
    public static final int S3_HTTP_PORT = 9090;
    /** S3Mock always binds an https port too; giving it its own keeps the two from clashing. */
    public static final int S3_HTTPS_PORT = 9191;
    public static final int SMTP_PORT = 3025;
    /** The payment providers' local stand-ins (provider-sandboxes), in this process like the SMTP catcher. */
    public static final int STRIPE_SANDBOX_PORT = SandboxDefaults.STRIPE_PORT;
    public static final int MOBILE_MONEY_SANDBOX_PORT = SandboxDefaults.MOBILE_MONEY_PORT;
    /** The SMS provider's stand-in: it records every text, so codes sent by SMS can be read locally. */
    public static final int SMS_SANDBOX_PORT = SandboxDefaults.SMS_PORT;
    public static final String DATABASE = "wans";
    public static final List<String> BUCKETS = List.of("wans-media", "wans-masters", "wans-assets");
    /** S3Mock accepts any credentials; these only give the clients something to sign with. */
    static final String S3_LOCAL_ACCESS_KEY = "dev-only-access-key";
    static final String S3_LOCAL_SECRET_KEY = "dev-only-secret-key";
    static final String S3_LOCAL_REGION = "us-east-1";
    private static final List<String> S3MOCK_JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public enum Component { POSTGRES, REDIS, S3, SMTP, PAYMENT_SANDBOXES, SMS_SANDBOX }

    private final StackOptions options;
    private final Externals externals;
    private final Set<Component> embedded;
    private final LaunchCache launchCache;

    private EmbeddedPostgres postgres;
    private long postmasterPid;
    private long postmasterStart;
    private ChildProcess redis;
    private ChildProcess s3mock;
    private boolean s3Archiving;
    private GreenMail greenMail;
    private Sandboxes paymentSandboxes;
    private SmsSandbox smsSandbox;
    private boolean closed;

    /** Everything the environment does not name as external is embedded. */
    public Infrastructure(StackOptions options) {
        this(options, EnumSet.allOf(Component.class));
    }

    Infrastructure(StackOptions options, LaunchCache launchCache) {
        this(options, EnumSet.allOf(Component.class), launchCache);
    }

    /** Only the given components are embedded (tests that need just PostgreSQL and Redis). */
    public Infrastructure(StackOptions options, Set<Component> wanted) {
        this(options, wanted, new LaunchCache(options.cacheDir(), options.javaCommand(), options.classDataSharing()));
    }

    private Infrastructure(StackOptions options, Set<Component> wanted, LaunchCache launchCache) {
        this.options = options;
        this.launchCache = launchCache;
        this.externals = options.externals();
        EnumSet<Component> e = EnumSet.noneOf(Component.class);
        if (wanted.contains(Component.POSTGRES) && externals.externalDatabase().isEmpty()) {
            e.add(Component.POSTGRES);
        }
        if (wanted.contains(Component.REDIS) && externals.externalRedis().isEmpty()) {
            e.add(Component.REDIS);
        }
        if (wanted.contains(Component.S3) && externals.externalS3().isEmpty()) {
            e.add(Component.S3);
        }
        if (wanted.contains(Component.SMTP) && externals.externalSmtp().isEmpty()) {
            e.add(Component.SMTP);
        }
        if (wanted.contains(Component.PAYMENT_SANDBOXES) && !externals.realPaymentProviders()) {
            e.add(Component.PAYMENT_SANDBOXES);
        }
        if (wanted.contains(Component.SMS_SANDBOX) && !externals.realSmsProvider()) {
            e.add(Component.SMS_SANDBOX);
        }
        this.embedded = e;
    }

    public boolean embeds(Component component) {
        return embedded.contains(component);
    }

    /** The ports the embedded components will listen on, to be checked before anything starts. */
    public List<Ports.Claim> claims() {
        List<Ports.Claim> claims = new ArrayList<>();
        if (embeds(Component.POSTGRES)) {
            claims.add(new Ports.Claim("postgres", postgresPort()));
        }
        if (embeds(Component.REDIS)) {
            claims.add(new Ports.Claim("redis", redisPort()));
        }
        if (embeds(Component.S3)) {
            claims.add(new Ports.Claim("s3 (S3Mock http)", options.port(S3_HTTP_PORT)));
            claims.add(new Ports.Claim("s3 (S3Mock https)", options.port(S3_HTTPS_PORT)));
        }
        if (embeds(Component.SMTP)) {
            claims.add(new Ports.Claim("smtp", smtpPort()));
        }
        if (embeds(Component.PAYMENT_SANDBOXES)) {
            claims.add(new Ports.Claim("stripe sandbox", options.port(STRIPE_SANDBOX_PORT)));
            claims.add(new Ports.Claim("mobile-money sandbox", options.port(MOBILE_MONEY_SANDBOX_PORT)));
        }
        if (embeds(Component.SMS_SANDBOX)) {
            claims.add(new Ports.Claim("sms sandbox", options.port(SMS_SANDBOX_PORT)));
        }
        return claims;
    }

    /** The S3 store is a JVM that takes seconds to start, so it goes first and is awaited with the services. */
    public synchronized void startS3() {
        if (!embeds(Component.S3) || s3mock != null) {
            return;
        }
        requireOpen();
        Path jar = options.s3MockJar();
        if (!Files.isRegularFile(jar)) {
            throw new DevstackException("S3Mock is missing at " + jar + "; build devstack first (./mvnw -pl devstack -am package)");
        }
        Path root = directory(options.dataDir().resolve("s3"));
        LaunchCache.Launch launch = launchCache.prepare("s3mock", jar);
        s3Archiving = launch.writesArchiveOnExit();
        List<String> command = new ArrayList<>();
        command.add(options.javaCommand());
        command.addAll(S3MOCK_JVM_OPTIONS);
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", launch.jar().toString(),
                "--http.port=" + options.port(S3_HTTP_PORT),
                "--server.port=" + options.port(S3_HTTPS_PORT),
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", BUCKETS),
                "--spring.main.banner-mode=off"));
        s3mock = ChildProcess.start("s3", command, Map.of(), options.baseDir(), options.logDir().resolve("s3.log"));
    }

    public synchronized void startPostgres() {
        if (!embeds(Component.POSTGRES) || postgres != null) {
            return;
        }
        requireOpen();
        Path data = directory(options.dataDir().resolve("postgres"));
        Path log = options.logDir().resolve("postgres.log");
        directory(log.getParent());
        stopOrphanedPostmaster(data);
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(postgresPort())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky turns synchronous_commit off for tests; the local stack keeps what it commits
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new DevstackException("PostgreSQL did not start (" + oneLine(e) + "); see " + log, e);
        }
        readPostmasterPid(data);
        createDatabase();
    }

    public synchronized void startRedis() {
        if (!embeds(Component.REDIS) || redis != null) {
            return;
        }
        requireOpen();
        Path data = directory(options.dataDir().resolve("redis"));
        List<String> command;
        try {
            command = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(redisPort())
                    .setting("dir \"" + data + "\"")
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("daemonize no")
                    .buildCommandArgs();
        } catch (IOException e) {
            throw new DevstackException("could not prepare the embedded Redis: " + e.getMessage(), e);
        }
        redis = ChildProcess.start("redis", command, Map.of(), data, options.logDir().resolve("redis.log"));
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Probe.redisPong("127.0.0.1", redisPort(), 500)) {
            if (!redis.isAlive()) {
                throw new DevstackException("Redis exited with code " + redis.exitCode() + " while starting; see "
                        + redis.logFile() + ": " + String.join(" | ", redis.tail(3)));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DevstackException("Redis did not answer PING within 30 s; see " + redis.logFile());
            }
            sleep(50);
        }
    }

    public synchronized void startSmtp() {
        if (!embeds(Component.SMTP) || greenMail != null) {
            return;
        }
        requireOpen();
        try {
            GreenMail mail = new GreenMail(new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            greenMail = mail;
        } catch (RuntimeException e) {
            throw new DevstackException("the SMTP catcher did not start on port " + smtpPort() + ": " + oneLine(e), e);
        }
    }

    /**
     * The Stripe-shaped and mobile-money sandboxes, so payments run their production code path with
     * no account anywhere; Stripe's signed webhooks go to the gateway, as Stripe's would.
     */
    public synchronized void startPaymentSandboxes() {
        if (!embeds(Component.PAYMENT_SANDBOXES) || paymentSandboxes != null) {
            return;
        }
        requireOpen();
        try {
            paymentSandboxes = Sandboxes.startLocal(options.port(STRIPE_SANDBOX_PORT),
                    options.port(MOBILE_MONEY_SANDBOX_PORT), URI.create(gatewayUrl() + "/api/webhooks/stripe"));
        } catch (RuntimeException e) {
            throw new DevstackException("the payment sandboxes did not start on ports "
                    + options.port(STRIPE_SANDBOX_PORT) + " and " + options.port(MOBILE_MONEY_SANDBOX_PORT) + ": "
                    + oneLine(e), e);
        }
    }

    /** The SMS sandbox, so notification-service sends texts through its real HTTP adapter with no account anywhere. */
    public synchronized void startSmsSandbox() {
        if (!embeds(Component.SMS_SANDBOX) || smsSandbox != null) {
            return;
        }
        requireOpen();
        try {
            smsSandbox = SmsSandbox.start(SmsSandbox.Settings.localDefaults().withPort(options.port(SMS_SANDBOX_PORT)));
        } catch (RuntimeException e) {
            throw new DevstackException("the SMS sandbox did not start on port " + options.port(SMS_SANDBOX_PORT)
                    + ": " + oneLine(e), e);
        }
    }

    private String gatewayUrl() {
        return "http://localhost:" + options.port(ServiceSpec.GATEWAY.defaultPort());
    }

    /** Gives each schema its own login role (named like the schema) that owns it and nothing else. */
    public void provision(List<String> schemas) {
        SchemaProvisioner provisioner = new SchemaProvisioner(adminDataSource());
        for (String schema : schemas) {
            try {
                provisioner.provision(schema, schema, options.databasePassword(schema));
            } catch (RuntimeException e) {
                throw new DevstackException("could not provision schema " + schema + ": " + oneLine(e), e);
            }
        }
    }

    private void createDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean exists;
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new DevstackException("could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /**
     * A postmaster still running on our data directory was left by a devstack that was killed
     * (kill -9 skips every shutdown hook). Nothing else uses this directory, so it is stopped.
     */
    static void stopOrphanedPostmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(p -> ProcessTree.stop(p, Duration.ofSeconds(15)));
        } catch (IOException | RuntimeException e) {
            // an unreadable pid file is PostgreSQL's to judge: it checks it again at start
        }
    }

    private void readPostmasterPid(Path data) {
        try {
            String first = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
            postmasterPid = Long.parseLong(first);
            postmasterStart = ProcessHandle.of(postmasterPid).map(ProcessTree::startMillis).orElse(0L);
        } catch (IOException | RuntimeException e) {
            postmasterPid = 0;
        }
    }

    public int postgresPort() {
        return externals.externalDatabase().map(Externals.Database::port).orElse(options.port(POSTGRES_PORT));
    }

    public int redisPort() {
        return externals.externalRedis().map(Externals.Redis::port).orElse(options.port(REDIS_PORT));
    }

    public int smtpPort() {
        return externals.externalSmtp().map(Externals.Smtp::port).orElse(options.port(SMTP_PORT));
    }

    public String smtpHost() {
        return externals.externalSmtp().map(Externals.Smtp::host).orElse("localhost");
    }

    /** The URL the services connect with (each with its own role). */
    public String jdbcUrl() {
        return externals.externalDatabase().map(Externals.Database::jdbcUrl)
                .orElse("jdbc:postgresql://localhost:" + postgresPort() + "/" + DATABASE);
    }

    public String redisUrl() {
        return externals.externalRedis().map(Externals.Redis::url).orElse("redis://localhost:" + redisPort());
    }

    public String s3Endpoint() {
        return externals.externalS3().map(Externals.S3::endpoint).orElse("http://localhost:" + options.port(S3_HTTP_PORT));
    }

    /** A superuser connection to the platform's database, for provisioning and for tests that look inside. */
    public DataSource adminDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        var external = externals.externalDatabase();
        ds.setUser(external.map(Externals.Database::adminUser).orElse("postgres"));
        ds.setPassword(external.map(Externals.Database::adminPassword).orElse(""));
        return ds;
    }

    /** The variables every service reads to find the infrastructure (the same names as compose and k8s). */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", jdbcUrl());
        env.put("REDIS_URL", redisUrl());
        env.put("S3_ENDPOINT", s3Endpoint());
        var s3 = externals.externalS3();
        env.put("S3_ACCESS_KEY", s3.map(Externals.S3::accessKey).orElse(S3_LOCAL_ACCESS_KEY));
        env.put("S3_SECRET_KEY", s3.map(Externals.S3::secretKey).orElse(S3_LOCAL_SECRET_KEY));
        env.put("S3_REGION", s3.map(Externals.S3::region).orElse(S3_LOCAL_REGION));
        env.put("SMTP_HOST", smtpHost());
        env.put("SMTP_PORT", Integer.toString(smtpPort()));
        if (embeds(Component.PAYMENT_SANDBOXES)) {
            // local development defaults: the sandboxes' own keys, never a real credential
            env.put("STRIPE_API_BASE", "http://127.0.0.1:" + options.port(STRIPE_SANDBOX_PORT));
            env.put("STRIPE_SECRET_KEY", SandboxDefaults.STRIPE_SECRET_KEY);
            env.put("STRIPE_WEBHOOK_SECRET", SandboxDefaults.STRIPE_WEBHOOK_SECRET);
            env.put("MOBILE_MONEY_CELLMONI_BASE_URL", "http://127.0.0.1:" + options.port(MOBILE_MONEY_SANDBOX_PORT));
            // wallets call back through the gateway, as they would through the public address
            env.put("MOBILE_MONEY_CALLBACK_BASE_URL", gatewayUrl());
        }
        if (embeds(Component.SMS_SANDBOX)) {
            // local development defaults: the SMS sandbox's own account, never a real credential
            env.put("SMS_API_BASE", "http://127.0.0.1:" + options.port(SMS_SANDBOX_PORT));
            env.put("SMS_ACCOUNT_SID", SandboxDefaults.SMS_ACCOUNT_SID);
            env.put("SMS_AUTH_TOKEN", SandboxDefaults.SMS_AUTH_TOKEN);
        }
        // links in notifications point at the gateway, where clients reach the API
        env.put("PUBLIC_API_URL", gatewayUrl());
        return env;
    }

    /** Rows for the table and the state file; external pieces have pid 0. */
    public synchronized List<Member> members() {
        long self = ProcessHandle.current().pid();
        long selfStart = ProcessTree.startMillis(ProcessHandle.current());
        List<Member> members = new ArrayList<>();
        String pgUrl = "postgresql://" + externals.externalDatabase().map(Externals.Database::host).orElse("localhost")
                + ":" + postgresPort() + "/" + externals.externalDatabase().map(Externals.Database::name).orElse(DATABASE);
        members.add(new Member("postgres", pgUrl, postgres != null ? postmasterPid : 0, postmasterStart, null, true));
        members.add(new Member("redis", redisUrl(), redis != null ? redis.pid() : 0,
                redis != null ? redis.startMillis() : 0, null, true));
        String s3 = s3Endpoint();
        members.add(new Member("s3", s3, s3mock != null ? s3mock.pid() : 0, s3mock != null ? s3mock.startMillis() : 0,
                s3mock != null ? s3 + "/" : null, true));
        members.add(new Member("smtp", "smtp://" + smtpHost() + ":" + smtpPort(), greenMail != null ? self : 0,
                greenMail != null ? selfStart : 0, null, true));
        if (embeds(Component.PAYMENT_SANDBOXES)) {
            members.add(new Member("stripe-sandbox", "http://127.0.0.1:" + options.port(STRIPE_SANDBOX_PORT),
                    paymentSandboxes != null ? self : 0, paymentSandboxes != null ? selfStart : 0, null, true));
            members.add(new Member("mobile-money-sandbox", "http://127.0.0.1:" + options.port(MOBILE_MONEY_SANDBOX_PORT),
                    paymentSandboxes != null ? self : 0, paymentSandboxes != null ? selfStart : 0, null, true));
        }
        if (embeds(Component.SMS_SANDBOX)) {
            members.add(new Member("sms-sandbox", "http://127.0.0.1:" + options.port(SMS_SANDBOX_PORT),
                    smsSandbox != null ? self : 0, smsSandbox != null ? selfStart : 0, null, true));
        }
        return members;
    }

    public Optional<ChildProcess> s3Process() {
        return Optional.ofNullable(s3mock);
    }

    /** The embedded SMTP catcher, for tests that read the mail the platform sent. */
    public Optional<GreenMail> mailbox() {
        return Optional.ofNullable(greenMail);
    }

    /** The embedded SMS sandbox, for tests that read the texts the platform sent. */
    public Optional<SmsSandbox> smsSandbox() {
        return Optional.ofNullable(smsSandbox);
    }

    /** Stops what was started, newest first; PostgreSQL last so the others can flush to it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (smsSandbox != null) {
            smsSandbox.close();
            smsSandbox = null;
        }
        if (paymentSandboxes != null) {
            paymentSandboxes.close();
            paymentSandboxes = null;
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
        if (s3mock != null) {
            s3mock.stop(Duration.ofSeconds(s3Archiving ? 60 : 10));
            s3mock = null;
        }
        if (redis != null) {
            // SIGTERM: Redis flushes its append-only file and exits
            redis.stop(Duration.ofSeconds(10));
            redis = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                // checked below: a postmaster that did not stop is stopped by its pid
            }
            postgres = null;
            ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)
                    .ifPresent(p -> ProcessTree.stop(p, Duration.ofSeconds(10)));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new DevstackException("stopping: not starting anything more");
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DevstackException("could not create " + dir + ": " + e.getMessage(), e);
        }
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted");
        }
    }
}
