package io.audience.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** Buckets of this process only: each instance counts its own requests. */
final class LocalBuckets implements Buckets {

    /**
     * A bucket idle for a day is full again, so dropping it loses nothing; the size bound keeps
     * memory flat when many tokens are used once (the least recent go first).
     */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    private final TimeMeter clock;

    LocalBuckets(TimeMeter clock) {
        this.clock = clock;
    }

    @Override
    public Bucket bucket(Limit limit) {
        return buckets.get(
                limit.bucketKey(),
                key -> Bucket.builder()
                        .addLimit(limit.bandwidth())
                        .withCustomTimePrecision(clock)
                        .build());
    }
}
