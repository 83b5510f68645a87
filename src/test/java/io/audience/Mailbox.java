package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail), shared by every integration test; each test
 * reads only the mail to its own addresses. It can be stopped and started on the same port, to
 * show that mail survives an SMTP outage.
 */
public final class Mailbox {

    private static final int PORT = freePort();
    private static GreenMail server = start();

    private Mailbox() {}

    public static int port() {
        return PORT;
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void restart() {
        server = start();
    }

    /** Waits for mail to {@code address} and returns all of it. */
    public static List<MimeMessage> awaitMail(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> mail = mailTo(address);
            if (mail.size() >= count || Instant.now().isAfter(deadline)) {
                assertThat(mail).as("mail to " + address).hasSizeGreaterThanOrEqualTo(count);
                return mail;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static synchronized List<MimeMessage> mailTo(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).contains(address.toLowerCase(Locale.ROOT)))
                .toList();
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of a multipart mail whose type starts with {@code type} ("text/plain", "text/html"). */
    public static String part(MimeMessage message, String type) {
        try {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType(type)) {
                    return parts.getBodyPart(i).getContent().toString();
                }
            }
            throw new AssertionError("no " + type + " part in " + message.getContentType());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the body that starts with {@code prefix}, e.g. "/confirm/". */
    public static String link(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile("(http://\\S+" + Pattern.quote(pathPrefix) + "\\S+)")
                .matcher(body(message));
        assertThat(m.find()).as("a " + pathPrefix + " link in " + body(message)).isTrue();
        return m.group(1);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO))
                    .toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
