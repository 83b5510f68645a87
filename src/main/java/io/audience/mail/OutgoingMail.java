package io.audience.mail;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A mail to queue: what the person reads (the text, and an HTML alternative when there is one),
 * the link they act on, and the unsubscribe link.
 */
public record OutgoingMail(
        UUID accountId,
        String emailKey,
        String kind,
        String from,
        String to,
        String subject,
        String body,
        @Nullable String htmlBody,
        String actionUrl,
        String unsubscribeUrl) {}
