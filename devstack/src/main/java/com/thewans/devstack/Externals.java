package com.thewans.devstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Infrastructure the developer already runs elsewhere, named by the same environment variables the
 * services read. Whatever is named here is used as it is; whatever is not, the stack starts embedded.
 * Parsing validates every value so a typo fails at once with one line, not as a stack trace from
 * eleven processes a minute later.
 */
public record Externals(Database database, Redis redis, S3 s3, Smtp smtp, boolean realPaymentProviders,
        boolean realSmsProvider) {

    public record Database(String jdbcUrl, String host, int port, String name, String adminUser, String adminPassword) {
    }

    public record Redis(String url, String host, int port) {
    }

    public record S3(String endpoint, String accessKey, String secretKey, String region) {
    }

    public record Smtp(String host, int port) {
    }

    public static Externals none() {
        return new Externals(null, null, null, null, false, false);
    }

    public Optional<Database> externalDatabase() {
        return Optional.ofNullable(database);
    }

    public Optional<Redis> externalRedis() {
        return Optional.ofNullable(redis);
    }

    public Optional<S3> externalS3() {
        return Optional.ofNullable(s3);
    }

    public Optional<Smtp> externalSmtp() {
        return Optional.ofNullable(smtp);
    }

    public static Externals fromEnvironment(Map<String, String> env) {
        // a real Stripe key means real providers; without one, payments go to the local sandboxes
        // likewise a real SMS token means a real SMS provider; without one, texts go to the SMS sandbox
        return new Externals(database(env), redis(env), s3(env), smtp(env), value(env, "STRIPE_SECRET_KEY") != null,
                value(env, "SMS_AUTH_TOKEN") != null);
    }

    private static Database database(Map<String, String> env) {
        String url = value(env, "DATABASE_URL");
        if (url == null) {
            return null;
        }
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new DevstackException("DATABASE_URL=" + redact(url)
                    + " is not a PostgreSQL JDBC URL: expected jdbc:postgresql://host:port/database");
        }
        URI uri = uri("DATABASE_URL", url.substring("jdbc:".length()),
                "expected jdbc:postgresql://host:port/database");
        if (uri.getHost() == null) {
            throw new DevstackException("DATABASE_URL=" + redact(url)
                    + " names no host: expected jdbc:postgresql://host:port/database");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new DevstackException("DATABASE_URL=" + redact(url)
                    + " names no database: expected jdbc:postgresql://host:port/database");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String adminUser = value(env, "DATABASE_ADMIN_USER");
        if (adminUser == null) {
            throw new DevstackException("DATABASE_URL is set, so DATABASE_ADMIN_USER (and DATABASE_ADMIN_PASSWORD) "
                    + "must name a role that may create roles and schemas there");
        }
        String adminPassword = env.getOrDefault("DATABASE_ADMIN_PASSWORD", "");
        return new Database(url, uri.getHost(), port, path, adminUser, adminPassword);
    }

    private static Redis redis(Map<String, String> env) {
        String url = value(env, "REDIS_URL");
        if (url == null) {
            return null;
        }
        String expected = "expected redis://host:port, e.g. redis://localhost:6379";
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new DevstackException("REDIS_URL=" + redact(url) + " is not a Redis URL: " + expected);
        }
        URI uri = uri("REDIS_URL", url, expected);
        if (uri.getHost() == null) {
            throw new DevstackException("REDIS_URL=" + redact(url) + " names no host: " + expected);
        }
        return new Redis(url, uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort());
    }

    private static S3 s3(Map<String, String> env) {
        String endpoint = value(env, "S3_ENDPOINT");
        if (endpoint == null) {
            return null;
        }
        String expected = "expected http(s)://host:port, e.g. http://localhost:9000";
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new DevstackException("S3_ENDPOINT=" + redact(endpoint) + " is not an http(s) URL: " + expected);
        }
        URI uri = uri("S3_ENDPOINT", endpoint, expected);
        if (uri.getHost() == null) {
            throw new DevstackException("S3_ENDPOINT=" + redact(endpoint) + " names no host: " + expected);
        }
        String accessKey = value(env, "S3_ACCESS_KEY");
        String secretKey = value(env, "S3_SECRET_KEY");
        if (accessKey == null || secretKey == null) {
            throw new DevstackException("S3_ENDPOINT is set, so S3_ACCESS_KEY and S3_SECRET_KEY must be set too");
        }
        return new S3(endpoint, accessKey, secretKey, env.getOrDefault("S3_REGION", "us-east-1"));
    }

    private static Smtp smtp(Map<String, String> env) {
        String host = value(env, "SMTP_HOST");
        String port = value(env, "SMTP_PORT");
        if (host == null && port == null) {
            return null;
        }
        if (host == null) {
            throw new DevstackException("SMTP_PORT is set but SMTP_HOST is not: set both, or neither for the embedded SMTP catcher");
        }
        if (host.contains("/") || host.contains(":") && !host.startsWith("[")) {
            throw new DevstackException("SMTP_HOST=" + host + " is not a host name: give the host alone and the port in SMTP_PORT");
        }
        return new Smtp(host, port == null ? 25 : port("SMTP_PORT", port));
    }

    /** A TCP port number from an environment variable, or a one-line explanation. */
    static int port(String variable, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new DevstackException(variable + "=" + value + " is not a port number (1-65535)");
    }

    private static URI uri(String variable, String value, String expected) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new DevstackException(variable + "=" + redact(value) + " is not a valid URL: " + expected);
        }
        // "host:junk" parses as a registry authority without a host; "host:99999" parses with any port
        boolean badPort = uri.getHost() == null && uri.getAuthority() != null && uri.getAuthority().contains(":")
                || uri.getPort() > 65535;
        if (badPort) {
            throw new DevstackException(variable + "=" + redact(value)
                    + " has a port that is not a number from 1 to 65535: " + expected);
        }
        return uri;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Hides credentials a URL may carry before it is echoed in a message. */
    static String redact(String value) {
        return value.replaceAll("//[^/@]*@", "//***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
