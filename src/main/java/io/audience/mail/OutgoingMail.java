package io.audience.mail;

import java.util.UUID;

/** A mail to queue: what the person reads, the link they act on, and the unsubscribe link. */
public record OutgoingMail(
        UUID accountId,
        String emailKey,
        String kind,
        String from,
        String to,
        String subject,
        String body,
        String actionUrl,
        String unsubscribeUrl) {}
