package io.audience.feedback.smtp;

import io.audience.feedback.Feedback;
import io.audience.feedback.FeedbackService;
import io.audience.mail.Outbox;
import io.audience.mail.ReturnPaths;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One mail transaction of the listener. A recipient is accepted only when it is a signed return
 * path of a mail still kept, or the feedback address (complaints, which must then name a signed
 * return path inside); the mail only when it is a DSN or an ARF report. Everything else is
 * refused with a 5xx, so the sending server tells its own sender; a database failure is a 4xx, so
 * it tries again later.
 */
final class ReportHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ReportHandler.class);

    private final ReturnPaths returnPaths;
    private final Outbox outbox;
    private final FeedbackService feedback;
    private final String feedbackAddress;
    private final long maxBytes;
    private final Clock clock;
    private final List<Outbox.Recipient> mails = new ArrayList<>();
    private boolean toFeedbackAddress;

    ReportHandler(
            ReturnPaths returnPaths,
            Outbox outbox,
            FeedbackService feedback,
            String feedbackAddress,
            long maxBytes,
            Clock clock) {
        this.returnPaths = returnPaths;
        this.outbox = outbox;
        this.feedback = feedback;
        this.feedbackAddress = feedbackAddress;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public void from(String from) {
        // Reports come from the null sender (<>), or from a feedback loop's own address: anything.
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (recipient.strip().equalsIgnoreCase(feedbackAddress)) {
            toFeedbackAddress = true;
            return;
        }
        Optional<Outbox.Recipient> mail = mailOf(recipient);
        if (mail.isEmpty()) {
            throw new RejectException(550, "5.1.1 No such mailbox: this server takes only reports on mail it sent");
        }
        mails.add(mail.get());
    }

    @Override
    public @Nullable String data(InputStream data) throws RejectException, IOException {
        byte[] mail = data.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (mail.length > maxBytes) {
            throw new RejectException(552, "5.3.4 Message too big for a report (at most " + maxBytes + " bytes)");
        }
        Report report;
        try {
            report = ReportParser.parse(mail);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new RejectException(
                    550, "5.6.0 Unreadable report: " + e.getClass().getSimpleName());
        }
        if (report == null) {
            throw new RejectException(
                    550,
                    "5.7.1 Only delivery status notifications (RFC 3464) and ARF reports (RFC 5965) are taken here");
        }
        List<Outbox.Recipient> about = new ArrayList<>(mails);
        if (toFeedbackAddress) {
            report.returnPaths().stream()
                    .map(this::mailOf)
                    .flatMap(Optional::stream)
                    .forEach(about::add);
        }
        if (about.isEmpty()) {
            throw new RejectException(550, "5.7.1 The report names no mail this server sent (no signed return path)");
        }
        try {
            apply(report, about, mail);
        } catch (RuntimeException e) {
            log.warn("A report could not be recorded; the sender will try again", e);
            throw new RejectException(451, "4.3.0 Could not record the report now; try again later");
        }
        return null;
    }

    @Override
    public void done() {}

    private Optional<Outbox.Recipient> mailOf(String address) {
        return returnPaths.mailOf(address).flatMap(outbox::recipient).filter(Outbox.Recipient::isContactMail);
    }

    private void apply(Report report, List<Outbox.Recipient> about, byte[] mail) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String reportId = report.messageId() != null ? report.messageId() : sha256(mail);
        for (Outbox.Recipient recipient : about) {
            Feedback item = feedback(report, recipient, reportId, now);
            if (item != null) {
                feedback.record(recipient.accountId(), item);
            }
        }
    }

    private static @Nullable Feedback feedback(
            Report report, Outbox.Recipient mail, String reportId, OffsetDateTime now) {
        String eventId = "report:" + reportId + ":" + mail.mailId();
        if (report.type() == Report.Type.COMPLAINT) {
            if ("not-spam".equals(report.feedbackType())) {
                return null;
            }
            return new Feedback(
                    Feedback.Kind.COMPLAINT,
                    mail.emailKey(),
                    "smtp",
                    eventId,
                    mail.mailId(),
                    null,
                    null,
                    now,
                    "Spam complaint (ARF " + report.feedbackType() + ") about mail " + mail.mailId());
        }
        // One mail went to one address: its worst failure is the bounce.
        Report.Failure worst = report.failures().stream()
                .filter(Report.Failure::permanent)
                .findFirst()
                .orElse(report.failures().isEmpty() ? null : report.failures().get(0));
        if (worst == null) {
            return null;
        }
        return new Feedback(
                worst.permanent() ? Feedback.Kind.HARD_BOUNCE : Feedback.Kind.SOFT_BOUNCE,
                mail.emailKey(),
                "smtp",
                eventId,
                mail.mailId(),
                worst.status(),
                worst.diagnostic(),
                now,
                (worst.permanent() ? "Hard" : "Soft") + " bounce of mail " + mail.mailId() + " (delivery status "
                        + "notification): " + worst.status()
                        + (worst.diagnostic() == null ? "" : " " + worst.diagnostic()));
    }

    private static String sha256(byte[] mail) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mail));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
