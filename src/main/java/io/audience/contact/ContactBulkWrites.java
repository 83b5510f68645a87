package io.audience.contact;

import io.audience.activity.ItemOutcome;
import io.audience.consent.Actor;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentState;
import io.audience.list.ListMemberships;
import io.audience.tag.TagService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact writes of bulk activities, one row at a time inside the worker's chunk transaction:
 * consent-safe by construction (they never change consent, and never put a person who opted out
 * back on a list).
 */
@Service
public class ContactBulkWrites {

    private final ContactRepository contacts;
    private final ConsentService consent;
    private final ListMemberships memberships;
    private final TagService tags;
    private final ContactLocks locks;
    private final Clock clock;

    ContactBulkWrites(
            ContactRepository contacts,
            ConsentService consent,
            ListMemberships memberships,
            TagService tags,
            ContactLocks locks,
            Clock clock) {
        this.contacts = contacts;
        this.consent = consent;
        this.memberships = memberships;
        this.tags = tags;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * A bulk list add: never for a deleted contact or an address whose owner opted out, and never
     * to a list the person left on their preference page.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ItemOutcome addToLists(UUID accountId, UUID contactId, List<UUID> listIds, Actor actor) {
        ContactLocks.Locked locked = locks.lock(accountId, contactId, actor, now());
        ConsentState state = locked.address() == null ? null : locked.address().current();
        if (state != null && state.optedOutByContact()) {
            return ItemOutcome.notAddedToLists(
                    ItemOutcome.Kind.SKIPPED,
                    contactId,
                    "the person opted out on " + state.optOutDate() + "; not added to lists");
        }
        if (locked.row().deletedAt() != null) {
            return ItemOutcome.skipped("contact " + contactId + " is deleted; revive it first");
        }
        List<UUID> allowed = locked.address() == null
                ? listIds
                : consent.notLeft(accountId, locked.address().emailKey(), listIds);
        if (allowed.isEmpty()) {
            return ItemOutcome.notAddedToLists(
                    ItemOutcome.Kind.SKIPPED, contactId, "the person left the lists " + listIds + " themselves");
        }
        memberships.addLive(accountId, contactId, allowed, now());
        return ItemOutcome.updated(contactId);
    }

    /**
     * A bulk tagging change: never for a deleted contact, and never touching consent. Tags deleted
     * since the activity was accepted are left out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ItemOutcome changeTaggings(UUID accountId, UUID contactId, boolean add, List<UUID> tagIds, Actor actor) {
        OffsetDateTime now = now();
        ContactLocks.Locked locked = locks.lock(accountId, contactId, actor, now);
        if (locked.row().deletedAt() != null) {
            return ItemOutcome.skipped("contact " + contactId + " is deleted; revive it first");
        }
        if (add) {
            tags.addTaggings(accountId, contactId, tagIds, now);
        } else {
            tags.removeTaggings(accountId, contactId, tagIds);
        }
        return ItemOutcome.updated(contactId);
    }

    /** A bulk list removal: the contact must exist (deleted or not); consent is not touched. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ItemOutcome removeFromLists(UUID accountId, UUID contactId, List<UUID> listIds) {
        if (contacts.row(accountId, contactId).isEmpty()) {
            throw ContactQueries.notFound(contactId);
        }
        memberships.remove(accountId, contactId, listIds, now());
        return ItemOutcome.updated(contactId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
