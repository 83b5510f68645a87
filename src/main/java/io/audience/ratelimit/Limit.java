package io.audience.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.util.Locale;

/**
 * One limit on a request: {@code size} requests per period, counted for one API token (or OAuth
 * grant) or for one OAuth app, under {@code holderKey}.
 */
public record Limit(Period period, Holder holder, String holderKey, long size) {

    public enum Period {
        SECOND,
        HOUR,
        DAY
    }

    public enum Holder {
        TOKEN,
        APP,
        /** A person's network address, on the public form pages. */
        ADDRESS,
        /** A hosted form, over all who post to it. */
        FORM
    }

    /**
     * The size is part of the key, so a changed limit starts fresh buckets instead of meeting
     * buckets stored with the old size (Redis keeps a bucket's configuration with its state).
     */
    String bucketKey() {
        return holder.name().toLowerCase(Locale.ROOT) + ":" + holderKey + ":"
                + period.name().toLowerCase(Locale.ROOT) + ":" + size;
    }

    /**
     * A second's tokens come back one by one (a client slowed down to the limit is never
     * refused); a day's come back all at once, a day after the window's first request.
     */
    Bandwidth bandwidth() {
        return switch (period) {
            case SECOND ->
                Bandwidth.builder()
                        .capacity(size)
                        .refillGreedy(size, Duration.ofSeconds(1))
                        .build();
            // An hour's tokens come back one by one too: a form is never shut for a whole hour at once.
            case HOUR ->
                Bandwidth.builder()
                        .capacity(size)
                        .refillGreedy(size, Duration.ofHours(1))
                        .build();
            case DAY ->
                Bandwidth.builder()
                        .capacity(size)
                        .refillIntervally(size, Duration.ofDays(1))
                        .build();
        };
    }
}
