package io.audience.webhook;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which events an account's subscriptions want, read once per transaction: a sign-up tells up to
 * three changes (the contact, its consent, its lists), and each asked the database before. A
 * subscription made while the transaction runs is seen by the next one, as a subscription made a
 * moment later would be.
 */
@Component
class SubscribedEvents {

    private final WebhookEventRepository outbox;

    SubscribedEvents(WebhookEventRepository outbox) {
        this.outbox = outbox;
    }

    boolean wanted(UUID accountId, EventType type) {
        Set<String> events = readOnce(accountId);
        return events.contains(EventType.ALL) || events.contains(type.wire());
    }

    private Set<String> readOnce(UUID accountId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return outbox.subscribedEvents(accountId);
        }
        @SuppressWarnings("unchecked")
        Map<UUID, Set<String>> read = (Map<UUID, Set<String>>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            Map<UUID, Set<String>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SubscribedEvents.this);
                }
            });
            read = fresh;
        }
        return read.computeIfAbsent(accountId, outbox::subscribedEvents);
    }
}
