package com.thewans.notification.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.thewans.notification.NotificationSettings;

/**
 * Email over SMTP through Spring's {@link JavaMailSender}: a multipart/alternative message with a
 * plain-text and an HTML part, and the headers mail providers look for. A batch is split over a few
 * SMTP connections at once (NOTIFY_SMTP_CONNECTIONS, 4), each sending its part back to back. Each message's outcome is read from what the server answered: no connection,
 * a timeout or a 4xx is worth retrying; a 5xx for the address, or an address that is not one, is not.
 */
@Component
class EmailSender {

    private static final int MIN_PER_CONNECTION = 25;

    private final JavaMailSender mail;
    private final String from;
    private final int connections;
    private final ExecutorService senders;

    EmailSender(JavaMailSender mail, NotificationSettings settings) {
        this.mail = mail;
        this.from = settings.from();
        this.connections = settings.delivery().smtpConnections();
        this.senders = Executors.newFixedThreadPool(connections, runnable -> {
            Thread thread = new Thread(runnable, "notification-smtp");
            thread.setDaemon(true);
            return thread;
        });
    }

    Map<ClaimedDelivery, Outcome> send(List<ClaimedDelivery> deliveries) {
        Map<ClaimedDelivery, Outcome> outcomes = new ConcurrentHashMap<>();
        Map<MimeMessage, ClaimedDelivery> messages = new IdentityHashMap<>();
        for (ClaimedDelivery delivery : deliveries) {
            try {
                messages.put(message(delivery), delivery);
            } catch (MessagingException | MailException e) {
                outcomes.put(delivery, new Outcome.Permanent("not a sendable message: " + e.getMessage()));
            }
        }
        List<MimeMessage> all = new ArrayList<>(messages.keySet());
        // a few connections at once: an SMTP conversation mostly waits for the server's answers
        int size = Math.max(MIN_PER_CONNECTION, (all.size() + connections - 1) / connections);
        List<Future<?>> running = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            List<MimeMessage> chunk = all.subList(from, Math.min(all.size(), from + size));
            running.add(senders.submit(() -> sendOverOneConnection(chunk, messages, outcomes)));
        }
        for (Future<?> chunk : running) {
            try {
                chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending mail", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sending mail failed", e.getCause());
            }
        }
        return outcomes;
    }

    private void sendOverOneConnection(List<MimeMessage> batch, Map<MimeMessage, ClaimedDelivery> messages,
            Map<ClaimedDelivery, Outcome> outcomes) {
        Map<Object, Exception> failed = Map.of();
        try {
            mail.send(batch.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages();
            if (failed.isEmpty()) {
                batch.forEach(message -> outcomes.put(messages.get(message), classify(e)));
                return;
            }
        } catch (MailAuthenticationException e) {
            // our credentials, not the recipient: everything waits until someone fixes the configuration
            batch.forEach(message -> outcomes.put(messages.get(message),
                    new Outcome.Transient("SMTP authentication failed")));
            return;
        } catch (MailException e) {
            batch.forEach(message -> outcomes.put(messages.get(message), classify(e)));
            return;
        }
        for (MimeMessage message : batch) {
            Exception failure = failed.get(message);
            ClaimedDelivery delivery = messages.get(message);
            outcomes.put(delivery, failure == null ? new Outcome.Sent(messageId(delivery)) : classify(failure));
        }
    }

    private MimeMessage message(ClaimedDelivery delivery) throws MessagingException {
        if (delivery.destination() == null || delivery.destination().isBlank()) {
            throw new AddressException("no email address");
        }
        MimeMessage message = mail.createMimeMessage();
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(delivery.destination(), true));
        message.setSubject(delivery.subject(), "UTF-8");
        if (delivery.html() == null) {
            message.setText(delivery.text(), "UTF-8");
        } else {
            // multipart/alternative at the root: the plain text first, the HTML last (the one clients prefer)
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(delivery.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(delivery.html(), "text/html; charset=UTF-8");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        // the delivery's own id: a message sent twice after a crash is recognisably the same one
        message.setHeader("Message-ID", messageId(delivery));
        message.setHeader("Content-Language", delivery.language());
        // RFC 3834: nobody's out-of-office should answer a notification
        message.setHeader("Auto-Submitted", "auto-generated");
        if (delivery.unsubscribeUrl() != null) {
            // RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders
            message.setHeader("List-Unsubscribe", "<" + delivery.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private String messageId(ClaimedDelivery delivery) {
        String domain = from.replaceAll("(?s).*@", "").replaceAll("[>\\s].*", "");
        return "<" + delivery.id() + "@" + domain + ">";
    }

    static Outcome classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPAddressFailedException refused) {
                return byCode(refused.getReturnCode(), "recipient refused: " + oneLine(refused.getMessage()));
            }
            if (cause instanceof SMTPSendFailedException refused) {
                return byCode(refused.getReturnCode(), "message refused: " + oneLine(refused.getMessage()));
            }
            if (cause instanceof AddressException invalid) {
                return new Outcome.Permanent("not an email address: " + oneLine(invalid.getMessage()));
            }
            if (cause instanceof MailConnectException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException) {
                return new Outcome.Transient("SMTP server unreachable: " + oneLine(cause.getMessage()));
            }
            if (cause instanceof SocketTimeoutException) {
                return new Outcome.Transient("SMTP server timed out: " + oneLine(cause.getMessage()));
            }
        }
        return new Outcome.Transient("SMTP failed: " + oneLine(failure.getMessage()));
    }

    private static Outcome byCode(int code, String error) {
        return code >= 500 ? new Outcome.Permanent(code + " " + error) : new Outcome.Transient(code + " " + error);
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
                && sendFailed.getNextException() != cause) {
            return sendFailed.getNextException();
        }
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
