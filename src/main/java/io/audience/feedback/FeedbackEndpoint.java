package io.audience.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a sending service posts an account's bounce and complaint events, and how its requests are
 * verified: {@code ses} (SNS signatures, from the listed topics), {@code postmark} (basic auth),
 * {@code mailgun} (HMAC with its signing key), {@code sendgrid} (ECDSA with its public key) or
 * {@code generic} (our own Standard Webhooks signature).
 */
public record FeedbackEndpoint(
        UUID accountId,
        UUID endpointId,
        Provider provider,
        @Nullable String description,
        @Nullable String publicKey,
        List<String> topicArns,
        OffsetDateTime createdAt) {

    public enum Provider {
        SES,
        POSTMARK,
        MAILGUN,
        SENDGRID,
        GENERIC;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Provider fromWire(@Nullable String value) {
            for (Provider p : values()) {
                if (p.wire().equals(value)) {
                    return p;
                }
            }
            throw new io.audience.api.ValidationFailed(
                    "provider must be one of ses, postmark, mailgun, sendgrid, generic, not " + value);
        }
    }

    /** The user name Postmark sends with its basic auth (the password is the endpoint's secret). */
    public static final String POSTMARK_USER = "audience";

    /** An endpoint as made, with the secret Audience made for it, shown this once. */
    public record Made(FeedbackEndpoint endpoint, @Nullable String secret) {}
}
