package com.thewans.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** The stack's SMTP catcher and SMS sandbox, read the way a user reads their mail and texts. */
final class Mailbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern EMAILED_CODE = Pattern.compile("enter this code: (\\S+)");

    record Mail(String subject, String text, MimeMessage message) {
    }

    private Mailbox() {
    }

    /** Every message received for an address, oldest first. */
    static List<Mail> to(String address) {
        GreenMail mail = RunningPlatform.stack().mailbox()
                .orElseThrow(() -> new AssertionError("the stack runs no SMTP catcher"));
        List<Mail> found = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                    found.add(new Mail(message.getSubject(), text(message.getContent()), message));
                }
            } catch (MessagingException | java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        return found;
    }

    /** Waits for a message to the address whose subject contains {@code subject}. */
    static Mail await(String address, String subject) {
        return Mailbox.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> to(address).stream().filter(m -> m.subject().contains(subject)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
    }

    /** The six-digit code in the newest text to a number. */
    static String codeTextedTo(String phone) {
        var sms = RunningPlatform.stack().smsSandbox()
                .orElseThrow(() -> new AssertionError("the stack runs no SMS sandbox"));
        String body = Mailbox.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> sms.messagesTo(phone), texts -> !texts.isEmpty()).get(0).body();
        return code(body);
    }

    /** The code an email gives to paste (the same one its link carries). */
    static String emailedCode(String text) {
        Matcher matcher = EMAILED_CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return matcher.group(1);
    }

    static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no six-digit code in: " + text);
        }
        return matcher.group(1);
    }

    private static org.awaitility.core.ConditionFactory await() {
        return org.awaitility.Awaitility.await();
    }

    private static String text(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                String nested = text(part.getContent());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
