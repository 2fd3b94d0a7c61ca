import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import javax.net.ssl.SSLSocketFactory;

/**
 * A small, bounded HTTP load generator for THE WANS benchmarks (see bench/README.md). Runs as a
 * single source file on Java 17+:
 *
 * <pre>
 *   java bench/LoadGen.java http://localhost:8080/api/films --connections 16 --duration 10s \
 *        --header "Authorization:Bearer ..." --baseline http://localhost:8080/health
 * </pre>
 *
 * Each connection is one thread sending requests back to back (closed loop), or, with --rate N, at a
 * fixed total rate of N requests a second (latency then counts from when a request was due, so a
 * server that falls behind shows it instead of hiding it). After a warm-up that
 * is not measured, it reports requests per second, latency percentiles and errors by kind. With
 * --baseline it measures that URL first with the same settings and prints the ratios: numbers from
 * one machine only mean something next to a baseline taken in the same run; --rounds N alternates the
 * two N times and pools the rounds. Loopback targets only;
 * every run is bounded in time and in request count.
 *
 * <p>Each connection is a plain blocking socket speaking HTTP/1.1 keep-alive, like wrk: the request is
 * encoded once and the answer is read in the thread that waits for it. The JDK's HttpClient, used
 * before, handed every exchange to its selector thread and back, which cost about 1.9 ms per request at
 * 100 requests/s on two cores (the wire showed 1.7 ms where it reported 3.6) and took CPU from the
 * processes being measured.
 */
public final class LoadGen {

    static final int MAX_CONNECTIONS = 256;
    static final Duration MAX_DURATION = Duration.ofMinutes(5);
    static final long MAX_REQUESTS = 10_000_000;

    record Settings(URI target, URI baseline, int connections, double rate, Duration duration, Duration warmup,
            long maxRequests, String method, String body, Map<String, String> headers, Duration timeout, int rounds,
            String stripeSecret, List<Map.Entry<String, String>> perConnection, String baselineMethod) {
    }

    record Result(URI target, long requests, double seconds, long[] latenciesNanos, Map<String, Long> outcomes,
                  long errors) {
        double perSecond() {
            return requests / seconds;
        }

        /** Both measurements as one: requests and time add up, latencies are pooled. */
        Result pooledWith(Result other) {
            long[] pooled = Arrays.copyOf(latenciesNanos, latenciesNanos.length + other.latenciesNanos.length);
            System.arraycopy(other.latenciesNanos, 0, pooled, latenciesNanos.length, other.latenciesNanos.length);
            Arrays.sort(pooled);
            Map<String, Long> outcomes = new TreeMap<>(this.outcomes);
            other.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            return new Result(target, requests + other.requests, seconds + other.seconds, pooled, outcomes,
                    errors + other.errors);
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGen: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Result baseline = null;
        Result result = null;
        // with --rounds the two alternate (baseline, target, baseline, ...) and the rounds are pooled, so
        // neither side gets the load generator's own JIT warm-up or a quieter minute of the machine
        for (int round = 1; round <= settings.rounds(); round++) {
            String suffix = settings.rounds() > 1 ? " " + round : "";
            if (settings.baseline() != null) {
                Result b = run(settings, settings.baseline());
                print("baseline" + suffix, b, settings);
                baseline = baseline == null ? b : baseline.pooledWith(b);
            }
            Result t = run(settings, settings.target());
            print("target" + suffix, t, settings);
            result = result == null ? t : result.pooledWith(t);
        }
        if (settings.rounds() > 1) {
            print("baseline", baseline, settings);
            print("target", result, settings);
        }
        if (baseline != null) {
            System.out.printf("ratio     target/baseline: throughput %.2fx, p50 %.2fx, p99 %.2fx%n",
                    result.perSecond() / baseline.perSecond(),
                    result.percentileMillis(50) / baseline.percentileMillis(50),
                    result.percentileMillis(99) / baseline.percentileMillis(99));
        }
        System.exit(result.errors() > 0 ? 1 : 0);
    }

    static final String USAGE = """
            usage: java bench/LoadGen.java <url> [--connections N] [--duration 10s] [--warmup 2s]
                   [--max-requests N] [--header Name:Value]... [--method GET] [--body TEXT]
                   [--timeout 10s] [--rate N] [--baseline <url> [--rounds N]] [--stripe-events WHSEC]
                   [--per-connection FILE] [--baseline-method GET]
              loopback URLs only; at most %d connections, %d s and %d requests per measurement"""
            .formatted(MAX_CONNECTIONS, MAX_DURATION.toSeconds(), MAX_REQUESTS);

    static Settings parse(String[] args) {
        URI target = null;
        URI baseline = null;
        int connections = 8;
        double rate = 0;
        Duration duration = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(2);
        Duration timeout = Duration.ofSeconds(10);
        long maxRequests = 1_000_000;
        int rounds = 1;
        String method = "GET";
        String body = null;
        String stripeSecret = null;
        List<Map.Entry<String, String>> perConnection = List.of();
        String baselineMethod = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (target != null) {
                    throw new IllegalArgumentException("one target URL only (got " + target + " and " + arg + ")");
                }
                target = loopbackUrl(arg);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--connections" -> connections = (int) number(arg, value, 1, MAX_CONNECTIONS);
                case "--rate" -> rate = number(arg, value, 1, 100_000);
                case "--duration" -> duration = duration(arg, value, MAX_DURATION);
                case "--warmup" -> warmup = duration(arg, value, Duration.ofMinutes(1));
                case "--timeout" -> timeout = duration(arg, value, Duration.ofMinutes(1));
                case "--max-requests" -> maxRequests = number(arg, value, 1, MAX_REQUESTS);
                case "--method" -> method = value.toUpperCase();
                case "--body" -> body = value;
                case "--baseline" -> baseline = loopbackUrl(value);
                case "--rounds" -> rounds = (int) number(arg, value, 1, 10);
                case "--stripe-events" -> stripeSecret = value;
                case "--per-connection" -> perConnection = perConnection(value);
                case "--baseline-method" -> baselineMethod = value.toUpperCase();
                case "--header" -> {
                    int colon = value.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--header " + value + " is not Name:Value");
                    }
                    headers.put(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("no target URL");
        }
        if (rounds > 1 && baseline == null) {
            throw new IllegalArgumentException("--rounds alternates target and --baseline; name a baseline");
        }
        return new Settings(target, baseline, connections, rate, duration, warmup, maxRequests, method, body,
                Map.copyOf(headers), timeout, rounds, stripeSecret, perConnection,
                baselineMethod == null ? method : baselineMethod);
    }

    /**
     * --per-connection FILE: one line per client, {@code <Authorization value><TAB><body>}; connection i
     * speaks as line i (modulo their number). Many viewers, each with a session of their own, rather than
     * one viewer whose every request would hit the same keys (and the same per-user rate limit).
     */
    static List<Map.Entry<String, String>> perConnection(String file) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file)).stream()
                    .filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("--per-connection " + file + " cannot be read: " + e.getMessage());
        }
        List<Map.Entry<String, String>> clients = new ArrayList<>();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            clients.add(Map.entry(tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1)));
        }
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("--per-connection " + file + " has no lines");
        }
        return List.copyOf(clients);
    }

    /**
     * The request connection {@code index} sends: to the baseline with --baseline-method and no body; with
     * --per-connection, its own Authorization and, to the target, its own body.
     */
    static byte[] encodeFor(Settings s, URI url, int index) {
        boolean target = url.equals(s.target());
        Map<String, String> headers = new LinkedHashMap<>(s.headers());
        String body = s.body();
        if (!s.perConnection().isEmpty()) {
            Map.Entry<String, String> client = s.perConnection().get(index % s.perConnection().size());
            headers.put("Authorization", client.getKey());
            body = client.getValue().isEmpty() ? body : client.getValue();
        }
        if (!target && !s.baselineMethod().equals(s.method())) {
            body = null;
        }
        return encode(new Settings(s.target(), s.baseline(), s.connections(), s.rate(), s.duration(), s.warmup(),
                s.maxRequests(), target ? s.method() : s.baselineMethod(), body, Map.copyOf(headers), s.timeout(),
                s.rounds(), null, List.of(), s.baselineMethod()), url);
    }

    /** Only this machine: the benchmarks never send traffic anywhere else. */
    static URI loopbackUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(value + " is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(value + " is not an http(s) URL");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(value + " is not on this machine: loopback targets only");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + value);
        }
        return uri;
    }

    static long number(String option, String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(option + " " + value + " is not a whole number from " + min + " to " + max);
    }

    static Duration duration(String option, String value, Duration max) {
        String v = value.trim().toLowerCase();
        Duration d;
        try {
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + " is not a time such as 10s or 500ms");
        }
        if (d.isNegative() || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + " " + value + " must be between 0 and " + max.toSeconds() + " s");
        }
        return d;
    }

    static Result run(Settings s, URI url) throws InterruptedException {
        // with --stripe-events every request to the target is a new event (a repeated one would only
        // measure the duplicate check), signed as Stripe signs; the baseline stays as it is
        StripeEvents events = s.stripeSecret() != null && url.equals(s.target()) ? new StripeEvents(s, url) : null;

        long perThread = Math.max(1, s.maxRequests() / s.connections());
        long warmupEnd = System.nanoTime() + s.warmup().toNanos();
        long end = warmupEnd + s.duration().toNanos();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicLong lastFinish = new AtomicLong(warmupEnd);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[s.connections()];
        CountDownLatch done = new CountDownLatch(s.connections());
        for (int t = 0; t < s.connections(); t++) {
            long[] mine = new long[(int) Math.min(perThread, Integer.MAX_VALUE - 8)];
            latencies.add(mine);
            int index = t;
            byte[] mineRequest = encodeFor(s, url, index);
            Thread worker = new Thread(() -> {
                Connection connection = new Connection(url, s.timeout(), "HEAD".equals(url.equals(s.target()) ? s.method() : s.baselineMethod()));
                try {
                    int n = 0;
                    // at a fixed rate each connection sends every `interval` ns, staggered against the others
                    long interval = s.rate() > 0 ? (long) (1e9 * s.connections() / s.rate()) : 0;
                    long due = System.nanoTime() + interval * index / s.connections();
                    while (n < mine.length) {
                        long begin;
                        if (interval > 0) {
                            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                                LockSupport.parkNanos(due - now);
                            }
                            begin = due;
                            due += interval;
                        } else {
                            begin = System.nanoTime();
                        }
                        if (begin >= end) {
                            break;
                        }
                        String outcome;
                        try {
                            outcome = Integer.toString(connection.exchange(events == null ? mineRequest : events.next()));
                        } catch (IOException | RuntimeException e) {
                            connection.close(); // the next request starts on a new connection
                            outcome = e.getClass().getSimpleName();
                        }
                        long finished = System.nanoTime();
                        if (begin >= warmupEnd) {
                            lastFinish.accumulateAndGet(finished, Math::max);
                            mine[n++] = finished - begin;
                            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                        }
                    }
                    counts[index] = n;
                } finally {
                    connection.close();
                    done.countDown();
                }
            }, "loadgen-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        // the window closes with the last measured answer (the end of --duration, or earlier at --max-requests)
        double seconds = Math.max(1e-9, (lastFinish.get() - warmupEnd) / 1e9);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < s.connections(); t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
        long errors = byOutcome.entrySet().stream()
                .filter(e -> !(e.getKey().length() == 3 && e.getKey().startsWith("2")))
                .mapToLong(Map.Entry::getValue).sum();
        return new Result(url, total, seconds, all, byOutcome, errors);
    }

    /**
     * Stripe webhook deliveries: {@code charge.succeeded} events (which payment-service stores and
     * acknowledges without acting on them, so the run measures ingestion: the signature check, the
     * insert that dedupes, the outbox), each with its own id and a {@code Stripe-Signature} header
     * computed as Stripe computes it: HMAC-SHA256 over "timestamp.payload" with the endpoint secret.
     */
    static final class StripeEvents {
        private final Settings settings;
        private final URI url;
        private final javax.crypto.spec.SecretKeySpec key;
        private final AtomicLong sequence = new AtomicLong();
        private final String run = Long.toHexString(System.nanoTime());

        StripeEvents(Settings settings, URI url) {
            this.settings = settings;
            this.url = url;
            this.key = new javax.crypto.spec.SecretKeySpec(settings.stripeSecret().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256");
        }

        byte[] next() {
            long n = sequence.incrementAndGet();
            long now = System.currentTimeMillis() / 1000;
            String payload = """
                    {"id":"evt_bench%s%d","object":"event","api_version":"2026-07-29.dahlia","created":%d,                    "data":{"object":{"id":"ch_bench%s%d","object":"charge","amount":990,"currency":"pgk",                    "status":"succeeded","metadata":{}}},"livemode":false,"pending_webhooks":1,                    "request":{"id":null,"idempotency_key":null},"type":"charge.succeeded"}"""
                    .formatted(run, n, now, run, n);
            String signature;
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(key);
                signature = java.util.HexFormat.of().formatHex(mac.doFinal((now + "." + payload)
                        .getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            Map<String, String> headers = new LinkedHashMap<>(settings.headers());
            headers.put("Content-Type", "application/json; charset=utf-8");
            headers.put("Stripe-Signature", "t=" + now + ",v1=" + signature);
            return encode(new Settings(settings.target(), null, 1, 0, settings.duration(), settings.warmup(), 1, "POST",
                    payload, headers, settings.timeout(), 1, null, List.of(), "POST"), url);
        }
    }

    /** The request as bytes on the wire, encoded once per measurement. */
    static byte[] encode(Settings s, URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        StringBuilder head = new StringBuilder(s.method()).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getRawAuthority()).append("\r\n");
        s.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = s.body() == null ? new byte[0] : s.body().getBytes(StandardCharsets.UTF_8);
        if (s.body() != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /**
     * One keep-alive HTTP/1.1 connection, opened on first use and again after the server closes it.
     * Reads an answer framed by Content-Length, chunked encoding or the end of the connection, and
     * returns its status; the body is read and dropped.
     */
    static final class Connection {
        private final URI url;
        private final int timeoutMillis;
        private final boolean head;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI url, Duration timeout, boolean head) {
            this.url = url;
            this.timeoutMillis = (int) timeout.toMillis();
            this.head = head;
        }

        int exchange(byte[] request) throws IOException {
            if (socket == null) {
                open();
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closes = statusLine.startsWith("HTTP/1.0");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    throw new ProtocolException("malformed header: " + header);
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase().contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closes = value.equalsIgnoreCase("close");
                }
            }
            if (head || status / 100 == 1 || status == 204 || status == 304) {
                // no body follows the headers
            } else if (chunked) {
                for (long size = chunkSize(line()); size > 0; size = chunkSize(line())) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                while (fillOrEnd()) {
                    position = limit;
                }
                closes = true;
            }
            if (closes) {
                close();
            }
            return status;
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }

        private void open() throws IOException {
            int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(url.getHost(), port), 2000);
            socket = "https".equals(url.getScheme())
                    ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, url.getHost(), port, true) : plain;
            socket.setSoTimeout(timeoutMillis);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            position = 0;
            limit = 0;
        }

        private boolean fillOrEnd() throws IOException {
            if (position < limit) {
                return true;
            }
            position = 0;
            limit = Math.max(0, in.read(buffer));
            return limit > 0;
        }

        private void fill() throws IOException {
            if (!fillOrEnd()) {
                throw new EOFException("the server closed the connection mid-answer");
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                fill();
                byte b = buffer[position++];
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                if (line.length() > 16 * 1024) {
                    throw new ProtocolException("header line longer than 16 KiB");
                }
                line.append((char) (b & 0xff));
            }
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                fill();
                int n = (int) Math.min(bytes, limit - position);
                position += n;
                bytes -= n;
            }
        }

        private static long chunkSize(String line) throws ProtocolException {
            int end = line.indexOf(';');
            try {
                return Long.parseLong((end < 0 ? line : line.substring(0, end)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size: " + line);
            }
        }
    }

    static void print(String label, Result r, Settings s) {
        boolean events = s.stripeSecret() != null && r.target().equals(s.target());
        System.out.printf("%-9s %s %s, %d connections%s, %.1f s measured after %.1f s warm-up%n", label,
                events ? "POST (a new signed Stripe event each)" : r.target().equals(s.target()) ? s.method()
                        : s.baselineMethod(), r.target(), s.connections(), s.rate() > 0 ? String.format(" at %.0f/s", s.rate()) : "",
                r.seconds(), s.warmup().toMillis() / 1000.0);
        System.out.printf("          requests %d (%.1f/s), errors %d%s%n", r.requests(), r.perSecond(), r.errors(),
                r.requests() >= s.maxRequests() - s.connections() ? " (stopped at --max-requests)" : "");
        System.out.printf("          latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100));
        System.out.println("          outcomes " + r.outcomes());
    }
}
