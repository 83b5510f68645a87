package io.audience.scheduling;

import java.time.OffsetDateTime;

/**
 * Data that expires. Each owner deletes its own rows; {@link Housekeeping} calls every retention
 * on the housekeeping scheduler, so a new kind of expiring data needs only this interface.
 */
public interface Retention {

    /** What {@link #purge} deletes, for the log: "mails sent or given up on more than 30d ago". */
    String describe();

    /** Deletes what has expired at {@code now}, in transactions of its own; answers how many rows went. */
    int purge(OffsetDateTime now);
}
