package io.audience.mail;

import jakarta.mail.MessagingException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailSendException;

/**
 * What a failed send means: a 5xx reply of the server to the message, its sender or its recipient
 * is permanent (retrying only repeats it); anything else (a 4xx, a refused or timed-out
 * connection, a failed login) is worth retrying. The text kept is short and names no address.
 */
record SmtpFailure(boolean permanent, @Nullable Integer replyCode, String reason, boolean recipientRefused) {

    private static final Pattern ADDRESS = Pattern.compile("<[^<>\\s]*>|[^\\s<>\"':;,()]+@[^\\s<>\"':;,()]+");
    private static final int MAX_REASON = 300;
    private static final Pattern ENHANCED = Pattern.compile("\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b");

    static SmtpFailure of(Exception e) {
        Throwable replied = replied(e, new HashSet<>());
        if (replied != null) {
            int code = ownReturnCode(replied);
            return new SmtpFailure(
                    code >= 500 && code < 600,
                    code,
                    scrub(String.valueOf(replied.getMessage())),
                    replied.getClass().getSimpleName().equals("SMTPAddressFailedException"));
        }
        Throwable failed =
                e instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                        ? send.getFailedMessages().values().iterator().next()
                        : e;
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text =
                root == failed ? String.valueOf(failed.getMessage()) : failed.getMessage() + ": " + root.getMessage();
        return new SmtpFailure(false, null, scrub(text), false);
    }

    /**
     * The server refused this recipient for good (a 5xx to RCPT TO): a hard bounce of the address,
     * unlike a refused sender or message, which says nothing about the mailbox.
     */
    boolean hardBounce() {
        return permanent && recipientRefused;
    }

    /** The enhanced status code of the reply (RFC 3463, {@code 5.1.1}), or the reply code. */
    String status() {
        java.util.regex.Matcher m = ENHANCED.matcher(reason);
        return m.find() ? m.group() : String.valueOf(replyCode);
    }

    /** The reply with no address in it, one line, at most 300 characters. */
    static String scrub(String text) {
        String oneLine = ADDRESS.matcher(text)
                .replaceAll("<address>")
                .replaceAll("[\\r\\n\\t]+", " ")
                .strip();
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) : oneLine;
    }

    /** The exception that carries the server's reply (and its code), wherever JavaMail put it. */
    private static @Nullable Throwable replied(@Nullable Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        if (ownReturnCode(t) > 0) {
            return t;
        }
        if (t instanceof MailSendException send) {
            for (Exception failed : send.getFailedMessages().values()) {
                Throwable found = replied(failed, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        if (t instanceof MessagingException m) {
            Throwable next = replied(m.getNextException(), seen);
            if (next != null) {
                return next;
            }
        }
        return replied(t.getCause(), seen);
    }

    /**
     * The reply code of Angus Mail's SMTPSendFailedException, SMTPAddressFailedException and
     * SMTPSenderFailedException; the implementation is a runtime-only dependency, hence reflection.
     */
    private static int ownReturnCode(Throwable t) {
        if (!t.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
            return -1;
        }
        try {
            return (Integer) t.getClass().getMethod("getReturnCode").invoke(t);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }
}
