package io.audience.mail;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record QueuedMail(
        UUID accountId,
        UUID mailId,
        String emailKey,
        String kind,
        String from,
        String to,
        String subject,
        String body,
        @Nullable String htmlBody,
        String actionUrl,
        String unsubscribeUrl,
        String status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        @Nullable String lastError,
        @Nullable Integer replyCode,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime sentAt) {}
