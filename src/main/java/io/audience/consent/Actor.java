package io.audience.consent;

import org.jspecify.annotations.Nullable;

/** Who changed consent and how, as the consent history records it. */
public record Actor(
        Source source,
        Channel channel,
        String actor,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String evidence) {}
