package io.audience.activity;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which database failures are worth running a chunk again for: the chunk's transaction rolled back
 * whole, and the same work can succeed a moment later. Lost connections (SQLState class 08, a
 * backend terminated by an administrator or a restart, 57P01-57P03), serialization failures
 * (40001) and deadlocks (40P01), and what Spring itself calls transient or recoverable. A
 * constraint violation or bad data is not: running it again fails the same way.
 */
final class TransientFailures {

    static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isTransient(failure, seen);
    }

    /** 100 ms, 200 ms, 400 ms ... at most 5 s before attempt {@code attempt + 1}. */
    static Duration backoff(int attempt) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    static void pause(int attempt) {
        try {
            Thread.sleep(backoff(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to run a chunk again", e);
        }
    }

    private static boolean isTransient(@Nullable Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException
                || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
            return true;
        }
        // A rollback on a connection that died fails too, and hides the failure that caused it.
        if (t instanceof TransactionSystemException tx && isTransient(tx.getApplicationException(), seen)) {
            return true;
        }
        if (t instanceof SQLException sql && isTransient(sql.getNextException(), seen)) {
            return true;
        }
        return isTransient(t.getCause(), seen);
    }

    static boolean transientState(@Nullable String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03");
    }
}
