package io.audience.transfer;

import io.audience.api.TooManyRequests;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code audience.transfers.uploads-per-account} uploads and
 * {@code downloads-per-account} downloads of one account at a time on this instance: the next one
 * is a 429 with Retry-After, so one tenant's slow transfers cannot take the threads, the disk or
 * the database from the others.
 */
@Component
public class TransferSlots {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final int uploads;
    private final int downloads;
    private final Map<Key, Integer> busy = new ConcurrentHashMap<>();

    TransferSlots(
            @Value("${audience.transfers.uploads-per-account}") int uploads,
            @Value("${audience.transfers.downloads-per-account}") int downloads) {
        if (uploads < 1 || downloads < 1) {
            throw new IllegalArgumentException("audience.transfers.uploads-per-account and downloads-per-account"
                    + " must be at least 1, not " + uploads + " and " + downloads);
        }
        this.uploads = uploads;
        this.downloads = downloads;
    }

    private record Key(UUID accountId, boolean upload) {}

    /** A held slot; closing it frees it. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    public Slot upload(UUID accountId) {
        return take(new Key(accountId, true), uploads, "uploads");
    }

    public Slot download(UUID accountId) {
        return take(new Key(accountId, false), downloads, "downloads (exports and reports)");
    }

    private Slot take(Key key, int max, String what) {
        boolean[] taken = {false};
        busy.compute(key, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            throw new TooManyRequests(
                    "This account already has " + max + " " + what + " running, as many as it may;"
                            + " retry when one has finished",
                    RETRY_AFTER);
        }
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                busy.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            }
        };
    }
}
