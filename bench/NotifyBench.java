import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * notification-service's two volume questions, each against a baseline in the same run (see
 * bench/README.md, "Notifications"; bench/notify.sh runs it with the JDBC driver and Angus Mail on
 * the class path):
 *
 * 1. An announcement fanned out to N in-app inboxes through POST /api/notify/send (admin, segment of
 *    one territory; timed until the send is DONE), against a plain batched JDBC insert of the same rows
 *    (a notification and its INBOX delivery per user, 1000 users per transaction) into the same tables.
 * 2. M emails through the service (a segment of M users with addresses, channel EMAIL: from the request
 *    until every delivery is SENT to the stack's SMTP catcher), against a plain JavaMail loop sending
 *    M multipart/alternative messages over one connection to the same server.
 *
 * The bench users live in territories ZZ and ZY (user-assigned ISO codes, never real) and are removed
 * at the end, with everything sent to them.
 */
public class NotifyBench {

    static final String FANOUT_TERRITORY = "ZZ";
    static final String EMAIL_TERRITORY = "ZY";

    public static void main(String[] args) throws Exception {
        int inboxes = Integer.parseInt(env("BENCH_INBOXES", "100000"));
        int emails = Integer.parseInt(env("BENCH_EMAILS", "2000"));
        String gateway = env("GATEWAY_URL", "http://127.0.0.1:8080");
        String smtpHost = env("SMTP_HOST", "127.0.0.1");
        int smtpPort = Integer.parseInt(env("SMTP_PORT", "3025"));
        String token = args.length > 0 ? args[0] : System.getenv("BENCH_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an admin's access token is the first argument");
        }
        try (Connection db = DriverManager.getConnection(env("DATABASE_URL", "jdbc:postgresql://localhost:5432/wans")
                + "?currentSchema=notification", env("NOTIFICATION_DB_USER", "notification"),
                env("NOTIFICATION_DB_PASSWORD", "dev-only-notification"))) {
            cleanUp(db);
            System.out.printf("seeding %,d + %,d bench contacts%n", inboxes, emails);
            seed(db, inboxes, FANOUT_TERRITORY, false);
            seed(db, emails, EMAIL_TERRITORY, true);

            System.out.printf("%n== 1. fan-out of one announcement to %,d in-app inboxes ==%n", inboxes);
            double plainInsert = plainInsert(db, inboxes);
            report("baseline: plain batched insert of the same rows", inboxes, plainInsert);
            long started = System.nanoTime();
            String answer = send(gateway, token, """
                    {"type":"ANNOUNCEMENT","segment":{"territory":"ZZ"},"channels":["INBOX"],
                     "variables":{"title":"Festival week","message":"Free films all week on THE WANS."}}""");
            awaitDone(db, answer);
            double fanOut = seconds(started);
            int told = count(db, "select count(*) from notifications n join contacts c on c.user_id = n.user_id "
                    + "where c.territory = 'ZZ' and n.type = 'ANNOUNCEMENT'");
            report("notification-service: POST /api/notify/send " + answer, told, fanOut);
            System.out.printf("ratio service/baseline (throughput): %.2fx%n", plainInsert / fanOut);

            System.out.printf("%n== 2. %,d emails to the SMTP catcher at %s:%d ==%n", emails, smtpHost, smtpPort);
            double plainLoop = plainJavaMail(smtpHost, smtpPort, emails);
            report("baseline: plain JavaMail loop, one connection", emails, plainLoop);
            started = System.nanoTime();
            answer = send(gateway, token, """
                    {"type":"SYSTEM_ALERT","segment":{"territory":"ZY"},"channels":["EMAIL"],
                     "variables":{"title":"Scheduled maintenance","message":"THE WANS is down for ten minutes at 02:00."}}""");
            String sent = "select count(*) from deliveries d join contacts c on c.user_id = d.user_id "
                    + "where c.territory = 'ZY' and d.channel = 'EMAIL' and d.state = 'SENT'";
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (count(db, sent) < emails && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            double service = seconds(started);
            report("notification-service: request to every delivery SENT " + answer, count(db, sent), service);
            System.out.printf("ratio service/baseline (throughput): %.2fx%n", plainLoop / service);
            cleanUp(db);
        }
    }

    /** The segment is told in the background: until its send is DONE. */
    static void awaitDone(Connection db, String answer) throws Exception {
        var matcher = java.util.regex.Pattern.compile("\"sendId\":\"([0-9a-f-]{36})\"").matcher(answer);
        if (!matcher.find()) {
            throw new IllegalStateException("no sendId in " + answer);
        }
        String done = "select count(*) from segment_sends where state = 'DONE' and id = '" + matcher.group(1) + "'";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (count(db, done) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    static void seed(Connection db, int users, String territory, boolean withEmail) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(
                "insert into contacts (user_id, email, territory, updated_at) values (?, ?, ?, now())")) {
            for (int i = 0; i < users; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, withEmail ? "bench-" + i + "@bench.thewans.test" : null);
                insert.setString(3, territory);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** The rows the fan-out writes (a notification and its SENT INBOX delivery per user), plainly, 1000 per transaction. */
    static double plainInsert(Connection db, int users) throws Exception {
        long started = System.nanoTime();
        db.setAutoCommit(false);
        String cause = "bench-baseline:" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ids = db.prepareStatement(
                "select user_id from contacts where territory = ? and user_id > ? order by user_id limit 1000");
                PreparedStatement notification = db.prepareStatement("""
                        insert into notifications (id, user_id, type, category, critical, cause, data, created_at)
                        values (?, ?, 'ANNOUNCEMENT', 'SYSTEM', false, ?, ?::jsonb, ?)""");
                PreparedStatement delivery = db.prepareStatement("""
                        insert into deliveries (id, notification_id, user_id, channel, state, language, subject,
                            body_text, created_at, finished_at)
                        values (?, ?, ?, 'INBOX', 'SENT', 'en', ?, ?, ?, ?)""")) {
            UUID after = new UUID(0, 0);
            while (true) {
                ids.setString(1, FANOUT_TERRITORY);
                ids.setObject(2, after);
                int batch = 0;
                try (var rs = ids.executeQuery()) {
                    while (rs.next()) {
                        UUID user = rs.getObject(1, UUID.class);
                        UUID id = UUID.randomUUID();
                        notification.setObject(1, id);
                        notification.setObject(2, user);
                        notification.setString(3, cause);
                        notification.setString(4, "{\"title\":\"Festival week\",\"message\":\"Free films all week.\"}");
                        notification.setTimestamp(5, now);
                        notification.addBatch();
                        delivery.setObject(1, UUID.randomUUID());
                        delivery.setObject(2, id);
                        delivery.setObject(3, user);
                        delivery.setString(4, "Festival week");
                        delivery.setString(5, "Free films all week on THE WANS.");
                        delivery.setTimestamp(6, now);
                        delivery.setTimestamp(7, now);
                        delivery.addBatch();
                        after = user;
                        batch++;
                    }
                }
                if (batch == 0) {
                    break;
                }
                notification.executeBatch();
                delivery.executeBatch();
                db.commit();
            }
        }
        db.setAutoCommit(true);
        double seconds = seconds(started);
        try (PreparedStatement delete = db.prepareStatement("delete from notifications where cause = ?")) {
            delete.setString(1, cause);
            delete.executeUpdate();
        }
        return seconds;
    }

    /** What a hand-written sender does: one connection, one multipart/alternative message after another. */
    static double plainJavaMail(String host, int port, int count) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        long started = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("no-reply@thewans.local"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("plain-" + i + "@bench.thewans.test"));
                message.setSubject("Scheduled maintenance", "UTF-8");
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText("THE WANS is down for ten minutes at 02:00.", "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setContent("<h2>Scheduled maintenance</h2><p>THE WANS is down for ten minutes at 02:00.</p>",
                        "text/html; charset=UTF-8");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                message.setContent(alternative);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return seconds(started);
    }

    static String send(String gateway, String token, String body) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway + "/api/notify/send"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("POST /api/notify/send answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static void cleanUp(Connection db) throws Exception {
        try (var statement = db.createStatement()) {
            statement.executeUpdate("delete from notifications where user_id in "
                    + "(select user_id from contacts where territory in ('ZZ', 'ZY'))");
            statement.executeUpdate("delete from contacts where territory in ('ZZ', 'ZY')");
            statement.executeUpdate("delete from segment_sends where territory in ('ZZ', 'ZY')");
        }
    }

    static int count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void report(String what, int items, double seconds) {
        System.out.printf("%-70s %,8d in %7.2f s = %,10.0f/s%n", what.length() > 70 ? what.substring(0, 70) : what,
                items, seconds, items / seconds);
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
