package io.audience.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One report about mail to one address, whatever it came from, after its origin was verified.
 *
 * @param source where it came from: {@code smtp}, {@code ses}, {@code postmark}, {@code mailgun},
 *     {@code sendgrid}, {@code generic} or {@code import}
 * @param providerEventId the report's own id at its source (a retried delivery of the same report
 *     carries the same id, so it is recorded once)
 * @param mailId Audience's mail the report is about, where the report names it
 * @param status the enhanced status code ({@code 5.1.1}) or SMTP reply code, where given
 * @param diagnostic the server's words, where given
 * @param evidence a short description of the report for the address's history
 */
public record Feedback(
        Kind kind,
        String email,
        String source,
        String providerEventId,
        @Nullable UUID mailId,
        @Nullable String status,
        @Nullable String diagnostic,
        OffsetDateTime occurredAt,
        String evidence) {

    public enum Kind {
        /** The mailbox does not exist or refuses for good: the address is bounced at once. */
        HARD_BOUNCE,
        /** A temporary failure (mailbox full, greylisted): bounced after too many in a window. */
        SOFT_BOUNCE,
        /** The person reported the mail as spam: their opt-out. */
        COMPLAINT
    }
}
