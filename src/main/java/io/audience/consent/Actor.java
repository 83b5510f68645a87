package io.audience.consent;

import org.jspecify.annotations.Nullable;

/**
 * Who changed consent and how, as the consent history records it; with what the person was shown
 * when they gave it, where a form says so.
 */
public record Actor(
        Source source,
        Channel channel,
        String actor,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String evidence,
        @Nullable Statement statement) {

    public Actor(
            Source source,
            Channel channel,
            String actor,
            @Nullable String ip,
            @Nullable String userAgent,
            @Nullable String evidence) {
        this(source, channel, actor, ip, userAgent, evidence, null);
    }
}
