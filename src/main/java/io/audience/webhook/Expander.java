package io.audience.webhook;

import io.audience.scheduling.Schedulers;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes imports' batches into events and deliveries, the oldest batch of each account first, a
 * step of rows at a time, and only while few of the account's deliveries wait: the work follows
 * what the endpoints take, so an import is not slowed by telling of its rows, and an endpoint that
 * is down does not fill the outbox with a copy of every row. Any instance can expand; the batch's
 * row lock keeps two from expanding the same rows.
 */
@Component
class Expander {

    private static final Logger log = LoggerFactory.getLogger(Expander.class);
    private static final int ACCOUNTS_PER_ROUND = 50;
    private static final int ROUNDS_PER_POLL = 20;

    private final BatchRepository batches;
    private final StagedTables rows;
    private final TransactionTemplate transactions;
    private final int window;
    private final int step;

    Expander(
            BatchRepository batches,
            StagedTables rows,
            TransactionTemplate transactions,
            @Value("${audience.webhooks.expand-window}") int window,
            @Value("${audience.webhooks.expand-step}") int step) {
        this.batches = batches;
        this.rows = rows;
        this.transactions = transactions;
        this.window = window;
        this.step = step;
    }

    @Scheduled(fixedDelayString = "${audience.webhooks.expand-interval}", scheduler = Schedulers.WEBHOOKS)
    void poll() {
        try {
            boolean expanded = false;
            for (int round = 0; round < ROUNDS_PER_POLL; round++) {
                boolean progressed = false;
                for (UUID account : batches.accountsWaiting(ACCOUNTS_PER_ROUND)) {
                    progressed |= stepOf(account);
                }
                expanded |= progressed;
                if (!progressed) {
                    break;
                }
            }
            if (expanded) {
                batches.refreshStatistics();
            }
        } catch (RuntimeException e) {
            log.warn("Could not make import rows into webhook events; the next poll tries again", e);
        }
    }

    /** One account's failure (a lost connection, a bug) holds back that account only. */
    private boolean stepOf(UUID account) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> step(account)));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not make import rows of account {} into webhook events; the next poll tries again",
                    account,
                    e);
            return false;
        }
    }

    /** One step of the account's oldest batch; false when it is held, or enough deliveries wait. */
    boolean step(UUID accountId) {
        if (batches.pendingDeliveries(accountId, window) >= window) {
            return false;
        }
        Optional<EventBatch> oldest = batches.lockOldest(accountId);
        if (oldest.isEmpty()) {
            return false;
        }
        EventBatch batch = oldest.get();
        int to = Math.min(batch.itemTo(), batch.nextItem() + step);
        rows.of(batch).expand(batch, batch.nextItem(), to);
        batches.advance(batch, to);
        return true;
    }
}
