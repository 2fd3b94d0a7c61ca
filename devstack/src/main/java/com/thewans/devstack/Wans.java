package com.thewans.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./wans up | down | status | help}. Parses the command line and reports; the work is done by
 * {@link Stack}. Exit codes: 0 done, 1 failed, 2 wrong usage or configuration, 3 (status) not running.
 */
public final class Wans {

    static final String USAGE = """
            usage: ./wans <command> [options]

              up       build what is stale, start PostgreSQL, Redis, S3Mock, an SMTP catcher, the payment
                       and SMS sandboxes (unless real keys are set), the gateway and the ten services, wait
                       until all are healthy, print their URLs; Ctrl-C stops all
                         --transcoding-workers N   extra transcoding-service processes in worker mode (default 0)
                         --port-offset N           add N to every port (a second stack beside yours)
                         --timeout SECONDS         give up when not all healthy by then (default 300)
              down     stop the stack that ./wans up runs (from another shell)
              status   show each process's URL, pid and health
              test     run the whole test suite (./mvnw -B verify) with the chosen JDK
              provision  create every service's schema and login role in the external database named by
                       DATABASE_URL + DATABASE_ADMIN_USER/_PASSWORD (used by compose and the k8s job)
              sandboxes  run only the Stripe and mobile-money sandboxes (used by compose; local only)
              sms-sandbox  run only the SMS sandbox (used by compose; local only)
              help     show this

            environment: DATABASE_URL + DATABASE_ADMIN_USER/_PASSWORD, REDIS_URL, S3_ENDPOINT + S3_ACCESS_KEY
            + S3_SECRET_KEY, SMTP_HOST + SMTP_PORT use external infrastructure instead of the embedded one
            (STRIPE_SECRET_KEY and SMS_AUTH_TOKEN real providers instead of the sandboxes);
            <SCHEMA>_DB_PASSWORD, WANS_START_TIMEOUT, WANS_TRANSCODING_WORKERS, WANS_PORT_OFFSET,
            WANS_JAVA_OPTS (child JVM options), WANS_CDS=off (no extracted jars and class data archives),
            WANS_DIR (instead of .wans) tune the stack.
            """;

    private Wans() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (DevstackException e) {
            System.err.println("wans: " + e.getMessage());
            code = 1;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "up" -> up(rest);
            case "down" -> noOptions("down", rest) ? down() : 2;
            case "status" -> noOptions("status", rest) ? status() : 2;
            case "provision" -> noOptions("provision", rest) ? provision(System.getenv()) : 2;
            // compose runs the payment providers' stand-ins as a container of their own
            case "sandboxes" -> {
                try {
                    com.thewans.sandbox.Sandboxes.main(rest.toArray(String[]::new));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield 0;
            }
            case "sms-sandbox" -> {
                try {
                    com.thewans.sandbox.SmsSandbox.main(rest.toArray(String[]::new));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield 0;
            }
            case "help", "-h", "--help" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("wans: unknown command '" + args[0] + "'");
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    /** Creates or converges every service's schema and role in an external database, then exits. */
    static int provision(Map<String, String> env) {
        Externals.Database database = Externals.fromEnvironment(env).externalDatabase()
                .orElseThrow(() -> new DevstackException(
                        "provision needs DATABASE_URL, DATABASE_ADMIN_USER and DATABASE_ADMIN_PASSWORD"));
        StackOptions options = StackOptions.fromEnvironment(env).build();
        org.postgresql.ds.PGSimpleDataSource admin = new org.postgresql.ds.PGSimpleDataSource();
        admin.setUrl(database.jdbcUrl());
        admin.setUser(database.adminUser());
        admin.setPassword(database.adminPassword());
        com.thewans.common.db.SchemaProvisioner provisioner = new com.thewans.common.db.SchemaProvisioner(admin);
        for (ServiceSpec service : ServiceSpec.SERVICES) {
            try {
                provisioner.provision(service.schema(), service.schema(), options.databasePassword(service.schema()));
            } catch (RuntimeException e) {
                throw new DevstackException("could not provision schema " + service.schema() + ": " + e.getMessage(), e);
            }
            System.out.println("provisioned schema and role " + service.schema());
        }
        return 0;
    }

    private static boolean noOptions(String command, List<String> rest) {
        if (rest.isEmpty()) {
            return true;
        }
        System.err.println("wans: " + command + " takes no options (got " + String.join(" ", rest) + ")");
        return false;
    }

    /** Parses up's options over the environment's settings; a bad value is one line and exit code 2. */
    static StackOptions upOptions(List<String> args, Map<String, String> env) {
        StackOptions.Builder b = StackOptions.fromEnvironment(env);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new DevstackException(name.startsWith("--") ? name + " needs a value" : "unknown option " + arg);
            }
            switch (name) {
                case "--transcoding-workers" -> b.transcodingWorkers(
                        StackOptions.wholeNumber(name, value, 0, StackOptions.MAX_TRANSCODING_WORKERS));
                case "--port-offset" -> b.portOffset(StackOptions.wholeNumber(name, value, 0, StackOptions.MAX_PORT_OFFSET));
                case "--timeout" -> b.startTimeout(StackOptions.duration(name, value));
                default -> throw new DevstackException("unknown option " + name + " for up (see ./wans help)");
            }
        }
        return b.progress(System.out).build();
    }

    private static int up(List<String> args) {
        StackOptions options;
        try {
            options = upOptions(args, System.getenv());
        } catch (DevstackException e) {
            System.err.println("wans: " + e.getMessage());
            return 2;
        }
        configureLogging(options);
        Stack stack = Stack.prepare(options);
        var signalled = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signalled.set(true);
            stack.close();
        }, "devstack-stop"));
        try {
            stack.startAndAwaitHealthy();
        } catch (DevstackException e) {
            if (signalled.get()) {
                return 0;
            }
            System.err.println("wans: " + e.getMessage());
            return 1;
        }
        List<StatusTable.Row> rows = new ArrayList<>();
        Map<String, Duration> took = stack.took();
        for (Member m : stack.members()) {
            rows.add(StatusTable.row(m, m.external() ? "external" : "healthy", took.get(m.name())));
        }
        System.out.println();
        System.out.print(StatusTable.render(rows));
        long platform = stack.members().stream().filter(m -> !m.infrastructure()).count();
        System.out.println();
        System.out.println("All " + platform + " healthy in " + HealthWaiter.seconds(stack.totalStartTime())
                + ". Gateway: " + stack.gatewayUrl() + "   (Ctrl-C here or ./wans down to stop)");
        try {
            stack.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Quiet console (the table is the output); the libraries' own lines go to devstack.log. */
    private static void configureLogging(StackOptions options) {
        System.setProperty("wans.logDir", options.logDir().toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "devstack-logback.xml");
        }
    }

    private static StackOptions plainOptions() {
        StackOptions.Builder b = StackOptions.builder();
        String dir = System.getenv("WANS_DIR");
        if (dir != null && !dir.isBlank()) {
            b.baseDir(Path.of(dir.trim()));
        }
        return b.build();
    }

    private static int down() {
        StackOptions options = plainOptions();
        Optional<PidFile> pid = PidFile.read(options.pidFile());
        Optional<ProcessHandle> running = pid.flatMap(PidFile::liveProcess);
        if (running.isEmpty()) {
            int cleaned = Stack.clearStale(options);
            System.out.println("No stack is running from " + options.baseDir()
                    + (cleaned > 0 ? "; stopped " + cleaned + " processes a killed devstack left behind" : ""));
            return 0;
        }
        ProcessHandle devstack = running.get();
        System.out.println("Stopping the stack (devstack pid " + devstack.pid() + ")...");
        devstack.destroy();
        CompletableFuture<ProcessHandle> exit = devstack.onExit();
        try {
            // normally seconds; the first stop after a build writes class data archives, two at a time
            for (int waited = 0; !exit.isDone(); waited += 30) {
                if (waited >= 900) {
                    throw new java.util.concurrent.TimeoutException();
                }
                if (waited > 0) {
                    System.out.println("  still stopping (" + waited + " s)...");
                }
                try {
                    exit.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // report and keep waiting
                }
            }
        } catch (Exception e) {
            System.out.println("devstack did not stop within 900 s; killing it and what it started");
            devstack.destroyForcibly();
            try {
                exit.get(10, TimeUnit.SECONDS);
            } catch (Exception again) {
                // cleared below regardless
            }
        }
        Stack.clearStale(options);
        System.out.println("Stopped.");
        return 0;
    }

    private static int status() {
        StackOptions options = plainOptions();
        Optional<PidFile> pid = PidFile.read(options.pidFile());
        Optional<StateFile> state = StateFile.read(options.stateFile());
        if (pid.flatMap(PidFile::liveProcess).isEmpty()) {
            System.out.println("not running" + (pid.isPresent() || state.isPresent()
                    ? " (a devstack that was killed left state behind; ./wans up or ./wans down clears it)" : ""));
            return 3;
        }
        if (state.isEmpty()) {
            System.out.println("starting (devstack pid " + pid.get().pid() + "; nothing started yet)");
            return 1;
        }
        StateFile s = state.get();
        Probe probe = new Probe();
        List<CompletableFuture<StatusTable.Row>> rows = new ArrayList<>();
        for (Member m : s.members()) {
            rows.add(CompletableFuture.supplyAsync(() -> StatusTable.row(m, statusOf(m, probe), s.took().get(m.name()))));
        }
        List<StatusTable.Row> table = rows.stream().map(CompletableFuture::join).toList();
        System.out.print(StatusTable.render(table));
        long notUp = table.stream().filter(r -> !r.status().equals("UP")).count();
        if (!s.ready()) {
            System.out.println("still starting (devstack pid " + s.ownerPid() + ")");
            return 1;
        }
        return notUp == 0 ? 0 : 1;
    }

    private static String statusOf(Member m, Probe probe) {
        if (!m.external() && ProcessTree.ifSame(m.pid(), m.startMillis()).isEmpty()) {
            return "EXITED";
        }
        if (m.pid() == 0 && m.url() == null) {
            return "-";
        }
        return probe.healthy(m) ? "UP" : "DOWN";
    }
}
