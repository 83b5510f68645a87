package io.audience.contact.imports.web;

import io.audience.api.NotFound;
import io.audience.transfer.Spool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * CSV files uploaded in the console and not yet started: the person looks at the preview and maps
 * the columns between the upload and the start, so the spooled file outlives the request that
 * received it. Each is kept an hour at most, and an account holds a few at once (the oldest goes);
 * what a restart leaves in the spool is deleted by {@link Spool}. Held on this instance, as the
 * console's session is.
 */
@Component
class HeldUploads {

    static final Duration KEPT = Duration.ofHours(1);
    static final int PER_ACCOUNT = 3;

    /** An upload waiting to be started. */
    record Held(UUID uploadId, UUID accountId, Spool.File file, String fileName, Instant receivedAt) {}

    private final Map<UUID, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    HeldUploads(Clock clock) {
        this.clock = clock;
    }

    UUID hold(UUID accountId, Spool.File file, String fileName) {
        forgetExpired();
        held.values().stream()
                .filter(h -> h.accountId().equals(accountId))
                .sorted(Comparator.comparing(Held::receivedAt).reversed())
                .skip(PER_ACCOUNT - 1)
                .forEach(this::drop);
        Held upload = new Held(UUID.randomUUID(), accountId, file, fileName, clock.instant());
        held.put(upload.uploadId(), upload);
        return upload.uploadId();
    }

    /** The account's upload; another account's, a started one or an expired one is a 404. */
    Held get(UUID accountId, UUID uploadId) {
        forgetExpired();
        Held upload = held.get(uploadId);
        if (upload == null || !upload.accountId().equals(accountId)) {
            throw gone(uploadId);
        }
        return upload;
    }

    /**
     * Takes the upload to start it: a second start of the same upload (a double click) finds
     * nothing. Given back with {@link #giveBack} when the start was refused, to correct the form.
     */
    Held take(UUID accountId, UUID uploadId) {
        Held upload = get(accountId, uploadId);
        if (!held.remove(uploadId, upload)) {
            throw gone(uploadId);
        }
        return upload;
    }

    void giveBack(Held upload) {
        held.put(upload.uploadId(), upload);
    }

    private void forgetExpired() {
        Instant oldest = clock.instant().minus(KEPT);
        held.values().stream().filter(h -> h.receivedAt().isBefore(oldest)).forEach(this::drop);
    }

    private void drop(Held upload) {
        if (held.remove(upload.uploadId(), upload)) {
            upload.file().close();
        }
    }

    private static NotFound gone(UUID uploadId) {
        return new NotFound("No upload " + uploadId + " waiting in this account: it was started already, or it"
                + " waited longer than " + KEPT.toMinutes() + " minutes; upload the file again");
    }
}
