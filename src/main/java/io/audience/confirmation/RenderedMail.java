package io.audience.confirmation;

import org.jspecify.annotations.Nullable;

/** A mail's words with every placeholder filled in; no HTML part when {@code htmlBody} is null. */
public record RenderedMail(
        String subject, String textBody, @Nullable String htmlBody) {}
