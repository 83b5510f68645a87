package io.audience.contact;

import io.audience.activity.ActivityLog;
import io.audience.confirmation.ConfirmationService;
import io.audience.consent.Actor;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentService.AddressLock;
import io.audience.idempotency.IdempotentAnswers;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Erasing a person, for a privacy request (extension). */
@Service
public class ContactErasure {

    private final ContactRepository contacts;
    private final ContactLocks locks;
    private final ConsentService consent;
    private final ConfirmationService confirmations;
    private final ActivityLog activities;
    private final IdempotentAnswers answers;
    private final ContactEvents events;
    private final Clock clock;
    private final List<PersonData> elsewhere;

    ContactErasure(
            ContactRepository contacts,
            ContactLocks locks,
            ConsentService consent,
            ConfirmationService confirmations,
            ActivityLog activities,
            IdempotentAnswers answers,
            ContactEvents events,
            Clock clock,
            List<PersonData> elsewhere) {
        this.contacts = contacts;
        this.locks = locks;
        this.consent = consent;
        this.confirmations = confirmations;
        this.activities = activities;
        this.answers = answers;
        this.events = events;
        this.clock = clock;
        this.elsewhere = elsewhere;
    }

    /**
     * Erase, for a privacy request: the person's data goes from every table: the contact, its
     * memberships and details, its current address and every earlier one it left (unless another
     * contact has it now), with their history, confirmations, links and mail, the import rows that
     * named it and the answers kept for Idempotency-Key replays. An opt-out stays behind only as a
     * keyed hash, with its real source, that keeps the address suppressed.
     */
    @Transactional
    public void erase(UUID accountId, UUID contactId, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ContactLocks.Locked locked = locks.lock(accountId, contactId, actor, now);
        String current = locked.row().emailKey();
        Set<String> keys = new TreeSet<>(consent.addressesOf(accountId, contactId));
        keys.removeIf(key -> !key.equals(current) && contacts.isAddressOfAnother(accountId, key, contactId));
        if (current != null) {
            keys.add(current);
        }
        contacts.delete(accountId, contactId);
        events.erased(locked.row(), now);
        for (String key : keys) {
            AddressLock address = key.equals(current) ? locked.address() : consent.lock(accountId, key, actor, now);
            confirmations.forget(accountId, key);
            consent.erase(Objects.requireNonNull(address));
        }
        activities.forgetPerson(accountId, contactId, keys);
        for (PersonData data : elsewhere) {
            data.forgetPerson(accountId, contactId, keys);
        }
        List<String> naming = new ArrayList<>(keys);
        naming.add(contactId.toString());
        if (locked.row().emailAddress() != null) {
            naming.add(locked.row().emailAddress());
        }
        answers.forgetNaming(accountId, naming);
    }
}
