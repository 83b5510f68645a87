package io.audience.consent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent per address. Every write to an address first takes {@link #lock}, which serialises all
 * writers of that address (creates, sign-ups, updates, confirmations) for the rest of their
 * transaction; every change is appended to the address's history in the same transaction.
 */
@Service
public class ConsentService {

    private final ConsentRepository consent;
    private final SuppressionRepository suppressions;
    private final ListOptOutRepository listOptOuts;
    private final ApplicationEventPublisher events;

    ConsentService(
            ConsentRepository consent,
            SuppressionRepository suppressions,
            ListOptOutRepository listOptOuts,
            ApplicationEventPublisher events) {
        this.consent = consent;
        this.suppressions = suppressions;
        this.listOptOuts = listOptOuts;
        this.events = events;
    }

    /** A held lock on one address, with what we knew of it when we took it (null: a new address). */
    public record AddressLock(
            UUID accountId, String emailKey, @Nullable ConsentState current, OffsetDateTime at) {}

    /**
     * Locks the address, creating its row if it is new. A new address that was erased after an
     * opt-out comes back from its fingerprint as opted out by the person (erasing was their
     * request), and the history says so.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AddressLock lock(UUID accountId, String emailKey, Actor actor, OffsetDateTime now) {
        ConsentRepository.Locked row = consent.lockOrInsert(accountId, emailKey, now);
        if (!row.inserted()) {
            return new AddressLock(accountId, emailKey, row.state(), now);
        }
        AddressLock fresh = new AddressLock(accountId, emailKey, null, now);
        Optional<SuppressionRepository.Suppression> suppressed = suppressions.take(accountId, emailKey);
        if (suppressed.isEmpty()) {
            return fresh;
        }
        Actor restore = new Actor(
                actor.source(),
                actor.channel(),
                actor.actor(),
                actor.ip(),
                actor.userAgent(),
                ConsentPolicy.restoredFromSuppression(suppressed.get().optedOutAt()),
                actor.statement());
        ConsentState state = apply(
                fresh,
                null,
                none -> ConsentPolicy.suppressed(
                        suppressed.get().optOutSource(), suppressed.get().optedOutAt()),
                restore);
        return new AddressLock(accountId, emailKey, state, now);
    }

    /**
     * The suppression fingerprints of addresses of one account (for a bulk import, which looks
     * them up in SQL); single-threaded.
     */
    public java.util.function.Function<String, String> suppressionFingerprints(UUID accountId) {
        return suppressions.fingerprints(accountId);
    }

    /** Applies {@code rule} to the locked address; records the change if there is one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ConsentState apply(
            AddressLock lock, @Nullable UUID contactId, UnaryOperator<@Nullable ConsentState> rule, Actor actor) {
        ConsentState current = lock.current();
        ConsentState next = rule.apply(current);
        if (current == null || !next.equals(current)) {
            consent.save(lock.accountId(), lock.emailKey(), next, lock.at());
            ConsentEvent entry = append(lock, contactId, current, next, actor);
            events.publishEvent(new ConsentChanged(lock.accountId(), lock.emailKey(), entry));
        }
        return next;
    }

    /**
     * Records in the address's history something that happened to it without changing its consent
     * (a bounce), with its evidence. A new address gets its first state, not set.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(AddressLock lock, @Nullable UUID contactId, Actor actor) {
        ConsentState current = lock.current();
        if (current == null) {
            current = ConsentPolicy.notSet();
            consent.save(lock.accountId(), lock.emailKey(), current, lock.at());
        }
        append(lock, contactId, current, current, actor);
    }

    private ConsentEvent append(
            AddressLock lock, @Nullable UUID contactId, @Nullable ConsentState from, ConsentState to, Actor actor) {
        ConsentEvent entry = new ConsentEvent(
                ConsentRepository.newEventId(),
                lock.at(),
                contactId,
                from == null ? null : from.permission(),
                to.permission(),
                actor.source(),
                actor.channel(),
                actor.actor(),
                actor.ip(),
                actor.userAgent(),
                actor.evidence(),
                actor.statement(),
                null);
        consent.append(lock.accountId(), lock.emailKey(), entry);
        return entry;
    }

    /** The delivery state of the locked address. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery delivery(AddressLock lock) {
        return consent.delivery(lock.accountId(), lock.emailKey());
    }

    /** The delivery state of an address (deliverable when it is unknown). */
    @Transactional(readOnly = true)
    public Delivery deliveryOf(UUID accountId, String emailKey) {
        return consent.delivery(accountId, emailKey);
    }

    /** Sets the delivery state of the locked address (the feedback module's rules decide it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setDelivery(AddressLock lock, Delivery delivery) {
        consent.saveDelivery(lock.accountId(), lock.emailKey(), delivery, lock.at());
    }

    /**
     * Erase: the address's consent and history go; an opt-out stays behind as a keyed hash only.
     * The caller holds the address's lock and has removed the contact.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AddressLock lock) {
        ConsentState state = lock.current();
        if (state != null && state.optOutSource() != null && state.optOutDate() != null) {
            suppressions.add(lock.accountId(), lock.emailKey(), state.optOutSource(), state.optOutDate(), lock.at());
        }
        consent.delete(lock.accountId(), lock.emailKey());
    }

    /**
     * Refuses (409) when the account would add to lists a person who opted out themselves, or to a
     * list they left on their preference page: as the bulk add, a write of the contact never puts
     * such an address on a list. The caller holds the contact's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireMayAddToLists(
            UUID accountId, String emailKey, String address, java.util.Collection<UUID> adding) {
        if (adding.isEmpty()) {
            return;
        }
        consent.find(accountId, emailKey)
                .filter(ConsentState::optedOutByContact)
                .ifPresent(state -> {
                    throw ConsentViolation.listsRefused(address, state, adding);
                });
        java.util.Map<UUID, OffsetDateTime> left = listOptOuts.left(accountId, emailKey);
        List<UUID> refused = adding.stream().filter(left::containsKey).toList();
        if (!refused.isEmpty()) {
            throw new io.audience.api.Conflict(
                    "The contact " + address + " left the lists " + refused + " themselves, on their preference"
                            + " page. An account cannot add them back; only the person can, on that page or by"
                            + " confirming a sign-up.",
                    java.util.Map.of(
                            "list_ids", refused.stream().map(UUID::toString).toList()));
        }
    }

    /** Of {@code listIds}, those the address has not left on its preference page. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> notLeft(UUID accountId, String emailKey, java.util.Collection<UUID> listIds) {
        java.util.Map<UUID, OffsetDateTime> left = listOptOuts.left(accountId, emailKey);
        return listIds.stream().filter(id -> !left.containsKey(id)).toList();
    }

    /** The addresses a contact has had, by their history (for erase). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> addressesOf(UUID accountId, UUID contactId) {
        return consent.addressesOf(accountId, contactId);
    }

    @Transactional(readOnly = true)
    public Optional<ConsentState> find(UUID accountId, String emailKey) {
        return consent.find(accountId, emailKey);
    }

    @Transactional(readOnly = true)
    public List<ConsentEvent> history(UUID accountId, String emailKey) {
        return consent.history(accountId, emailKey);
    }
}
