package io.audience.metrics;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Adds to a counter once the current transaction commits: a chunk or a request that rolls back
 * (a deadlock retried, a lease lost, a conflict) counts nothing, and a retried one counts once.
 */
public final class CommittedCounts {

    private CommittedCounts() {}

    public static void add(Counter counter, double amount) {
        if (amount <= 0) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(amount);
            }
        });
    }
}
