package io.audience.contact;

import io.audience.api.Conflict;
import io.audience.consent.Actor;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentService.AddressLock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one lock order of every writer of a contact: its address first ({@link ConsentService#lock}),
 * then the contact row. Concurrent writers of one address therefore queue instead of deadlocking.
 */
@Component
class ContactLocks {

    private final ContactRepository contacts;
    private final ConsentService consent;

    ContactLocks(ContactRepository contacts, ConsentService consent) {
        this.contacts = contacts;
        this.consent = consent;
    }

    record Locked(ContactRow row, @Nullable AddressLock address) {}

    /** The contact with its current address and the address it moves to. */
    record Moving(ContactRow row, @Nullable AddressLock from, AddressLock to) {}

    Locked lock(UUID accountId, UUID contactId, Actor actor, OffsetDateTime now) {
        ContactRow unlocked = contacts.row(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        AddressLock address =
                unlocked.emailKey() == null ? null : consent.lock(accountId, unlocked.emailKey(), actor, now);
        ContactRow row = contacts.lockRow(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        if (!Objects.equals(row.emailKey(), unlocked.emailKey())) {
            throw new Conflict("A concurrent request changed this contact's address; retry");
        }
        return new Locked(row, address);
    }

    /**
     * For a write that moves the contact to {@code newKey}: both addresses are locked in key order,
     * then the row. Two writes that swap the addresses of two contacts take the locks in one order
     * and queue (the second then finds its address taken) instead of deadlocking each other.
     */
    Moving lockMoving(UUID accountId, UUID contactId, String newKey, Actor actor, OffsetDateTime now) {
        ContactRow unlocked = contacts.row(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        String oldKey = unlocked.emailKey();
        AddressLock from = null;
        AddressLock to;
        if (oldKey != null && oldKey.compareTo(newKey) < 0) {
            from = consent.lock(accountId, oldKey, actor, now);
            to = consent.lock(accountId, newKey, actor, now);
        } else {
            to = consent.lock(accountId, newKey, actor, now);
            from = oldKey == null ? null : consent.lock(accountId, oldKey, actor, now);
        }
        ContactRow row = contacts.lockRow(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        if (!Objects.equals(row.emailKey(), oldKey)) {
            throw new Conflict("A concurrent request changed this contact's address; retry");
        }
        return new Moving(row, from, to);
    }
}
