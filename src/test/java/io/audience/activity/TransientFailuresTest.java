package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

class TransientFailuresTest {

    @Test
    void lostConnectionsTerminatedBackendsDeadlocksAndSerializationFailuresAreTransient() {
        for (String state :
                new String[] {"08000", "08003", "08006", "08001", "40001", "40P01", "57P01", "57P02", "57P03"}) {
            assertThat(TransientFailures.isTransient(new SQLException("boom", state)))
                    .as(state)
                    .isTrue();
            assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException(
                            "jOOQ",
                            new org.jooq.exception.DataAccessException("jOOQ", new SQLException("boom", state)))))
                    .as(state)
                    .isTrue();
        }
    }

    @Test
    void constraintViolationsBadDataAndOtherErrorsAreNot() {
        for (String state : new String[] {"23505", "23503", "22P02", "22001", "42P01", "53100", "XX000", null}) {
            assertThat(TransientFailures.isTransient(
                            new DataIntegrityViolationException("x", new SQLException("boom", state))))
                    .as(String.valueOf(state))
                    .isFalse();
        }
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void springsTransientAndRecoverableExceptionsAreTransient() {
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new TransientDataAccessResourceException("gone")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RecoverableDataAccessException("retry")))
                .isTrue();
    }

    @Test
    void aFailedRollbackOnADeadConnectionIsJudgedByTheFailureItHides() {
        TransactionSystemException rollbackFailed = new TransactionSystemException(
                "JDBC rollback failed", new SQLException("This connection has been closed.", "08003"));
        assertThat(TransientFailures.isTransient(rollbackFailed)).isTrue();
        TransactionSystemException hidesDeadlock = new TransactionSystemException("rollback failed");
        hidesDeadlock.initApplicationException(new SQLException("deadlock detected", "40P01"));
        assertThat(TransientFailures.isTransient(hidesDeadlock)).isTrue();
        TransactionSystemException hidesBug = new TransactionSystemException("rollback failed");
        hidesBug.initApplicationException(new IllegalArgumentException("bug"));
        assertThat(TransientFailures.isTransient(hidesBug)).isFalse();
    }

    @Test
    void backoffDoublesAndIsBounded() {
        assertThat(TransientFailures.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(TransientFailures.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(TransientFailures.backoff(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(TransientFailures.backoff(50)).isEqualTo(Duration.ofSeconds(5));
        assertThat(TransientFailures.MAX_ATTEMPTS).isBetween(3, 10);
    }
}
