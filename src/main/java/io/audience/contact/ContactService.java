package io.audience.contact;

import io.audience.account.AccountSettingsService;
import io.audience.api.Conflict;
import io.audience.confirmation.ConfirmationService;
import io.audience.confirmation.Purpose;
import io.audience.consent.Actor;
import io.audience.consent.ConsentPolicy;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentService.AddressLock;
import io.audience.consent.ConsentState;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.customfield.CustomFieldService;
import io.audience.identity.Ids;
import io.audience.list.ListMemberships;
import io.audience.tag.TagService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing contacts. Every write to a contact with an address first locks the address
 * ({@link ConsentService#lock}), then the contact row: one order for every writer, so writes to
 * one address are serialised and concurrent creates of one address make one contact.
 */
@Service
public class ContactService {

    private static final Set<Include> EVERYTHING = EnumSet.allOf(Include.class);

    private final ContactRepository contacts;
    private final ContactDetailsRepository details;
    private final ContactQueries queries;
    private final ConsentService consent;
    private final ListMemberships memberships;
    private final ConfirmationService confirmations;
    private final AccountSettingsService settings;
    private final TagService tags;
    private final CustomFieldService fields;
    private final ContactLocks locks;
    private final ContactEvents events;
    private final Clock clock;

    ContactService(
            ContactRepository contacts,
            ContactDetailsRepository details,
            ContactQueries queries,
            ConsentService consent,
            ListMemberships memberships,
            ConfirmationService confirmations,
            AccountSettingsService settings,
            TagService tags,
            CustomFieldService fields,
            ContactLocks locks,
            ContactEvents events,
            Clock clock) {
        this.contacts = contacts;
        this.details = details;
        this.queries = queries;
        this.consent = consent;
        this.memberships = memberships;
        this.confirmations = confirmations;
        this.settings = settings;
        this.tags = tags;
        this.fields = fields;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    public enum SignUpAction {
        CREATED,
        UPDATED
    }

    public record SignUpResult(UUID contactId, SignUpAction action) {}

    @Transactional
    public ContactView create(UUID accountId, ContactDraft draft, Actor actor) {
        OffsetDateTime now = now();
        UUID contactId = Ids.next();
        if (draft.emailKey() != null) {
            AddressLock lock = consent.lock(accountId, draft.emailKey(), actor, now);
            Optional<ContactView> existing = contacts.findByEmail(accountId, draft.emailKey());
            if (existing.isPresent()) {
                String address = Objects.requireNonNull(draft.emailAddress(), "a draft with a key has its address");
                throw new EmailConflict(address, existing.get());
            }
            consent.apply(lock, contactId, current -> accountWrite(draft, current, now), actor);
        }
        ContactRow created = ContactRow.create(accountId, contactId, draft, draft.source(), now);
        insert(created, now);
        details.replaceAll(accountId, contactId, draft, now);
        replaceLists(accountId, contactId, created, draft, now);
        return queries.get(accountId, contactId, EVERYTHING);
    }

    /** PUT: replaces, revives a deleted contact, and may move it to a new address. */
    @Transactional
    public ContactView update(
            UUID accountId, UUID contactId, ContactDraft draft, @Nullable String ifMatch, Actor actor) {
        OffsetDateTime now = now();
        boolean moves = draft.emailKey() != null && !draft.emailKey().equals(currentKey(accountId, contactId));
        ContactRow row = moves
                ? locks.lockMoving(accountId, contactId, Objects.requireNonNull(draft.emailKey()), actor, now)
                        .row()
                : locks.lock(accountId, contactId, actor, now).row();
        row.checkIfMatch(ifMatch);
        AddressLock address = null;
        if (draft.emailKey() != null && !draft.emailKey().equals(row.emailKey())) {
            address = consent.lock(accountId, draft.emailKey(), actor, now);
            Optional<ContactView> owner = contacts.findByEmail(accountId, draft.emailKey());
            if (owner.isPresent()) {
                String moved = Objects.requireNonNull(draft.emailAddress(), "a draft with a key has its address");
                throw new EmailConflict(moved, owner.get());
            }
        } else if (row.emailKey() != null && draft.permission() != null) {
            address = consent.lock(accountId, row.emailKey(), actor, now);
        }
        if (address != null) {
            consent.apply(address, contactId, current -> accountWrite(draft, current, now), actor);
        }
        ContactRow replaced = row.replacedBy(draft, now);
        update(row, replaced, now);
        details.replaceAll(accountId, contactId, draft, now);
        replaceLists(accountId, contactId, replaced, draft, now);
        return queries.get(accountId, contactId, EVERYTHING);
    }

    private @Nullable String currentKey(UUID accountId, UUID contactId) {
        return contacts.row(accountId, contactId).map(ContactRow::emailKey).orElse(null);
    }

    /** Deleting keeps the contact findable and its consent untouched; it leaves every list. */
    @Transactional
    public void delete(UUID accountId, UUID contactId, Actor actor) {
        OffsetDateTime now = now();
        ContactRow row = locks.lock(accountId, contactId, actor, now).row();
        if (row.deletedAt() == null) {
            update(row, row.deleted(now), now);
            memberships.removeAll(accountId, contactId, now);
        }
    }

    /**
     * Restore: a deleted contact is live again with what it had, as a PUT revives it, but with its
     * consent untouched and on no list (deleting left them); a live contact stays as it is.
     */
    @Transactional
    public void restore(UUID accountId, UUID contactId, Actor actor) {
        OffsetDateTime now = now();
        ContactRow row = locks.lock(accountId, contactId, actor, now).row();
        if (row.deletedAt() != null) {
            update(row, row.revivedBy(Source.ACCOUNT, now), now);
        }
    }

    /**
     * The person's own sign-up, relayed by the business: creates or updates by address and revives
     * a deleted contact. The address becomes explicit and the lists are added at once, unless the
     * person had opted out or the account uses confirmed opt-in: then a confirmation mail is sent,
     * and the person's click does both.
     */
    @Transactional
    public SignUpResult signUp(UUID accountId, ContactDraft draft, Actor actor) {
        OffsetDateTime now = now();
        String key = Objects.requireNonNull(draft.emailKey());
        List<UUID> lists = Objects.requireNonNull(draft.listMemberships());
        AddressLock lock = consent.lock(accountId, key, actor, now);
        Optional<ContactRow> existing = contacts.lockRowByEmail(accountId, key);
        UUID contactId = existing.map(ContactRow::contactId).orElseGet(Ids::next);
        ConsentPolicy.SignUp decision = ConsentPolicy.contactSignsUp(
                lock.current(), settings.get(accountId).confirmedOptIn(), now);
        consent.apply(lock, contactId, current -> decision.state(), actor);
        if (existing.isEmpty()) {
            insert(ContactRow.create(accountId, contactId, draft, Source.CONTACT, now), now);
            details.replaceAll(accountId, contactId, draft, now);
        } else {
            update(existing.get(), existing.get().mergedWith(draft, now), now);
            SignUpMerge.mergeDetails(details, accountId, contactId, draft, now);
        }
        if (draft.customFields() != null) {
            fields.mergeValues(accountId, contactId, draft.customFields());
        }
        if (decision.needsConfirmation()) {
            memberships.requireLive(accountId, lists);
            confirmations.request(
                    accountId,
                    key,
                    Objects.requireNonNull(draft.emailAddress()),
                    contactId,
                    lists,
                    Purpose.SIGNUP,
                    now);
        } else {
            // A list the person left waits for their click: a form relay is not the person.
            List<UUID> direct = consent.notLeft(accountId, key, lists);
            memberships.add(accountId, contactId, direct, now);
            List<UUID> left = lists.stream().filter(id -> !direct.contains(id)).toList();
            if (!left.isEmpty()) {
                confirmations.request(
                        accountId,
                        key,
                        Objects.requireNonNull(draft.emailAddress()),
                        contactId,
                        left,
                        Purpose.SIGNUP,
                        now);
            }
        }
        return new SignUpResult(contactId, existing.isEmpty() ? SignUpAction.CREATED : SignUpAction.UPDATED);
    }

    /**
     * Asks a person who unsubscribed whether they want mail again: one request per opt-out; the
     * address waits for their click, which adds the lists.
     */
    @Transactional
    public void resubscribe(UUID accountId, UUID contactId, List<UUID> listIds, Actor actor) {
        OffsetDateTime now = now();
        ContactLocks.Locked locked = locks.lock(accountId, contactId, actor, now);
        ContactRow row = locked.row();
        if (locked.address() == null || locked.address().current() == null) {
            throw new Conflict("Contact " + contactId + " has no email address to send a resubscribe request to");
        }
        ConsentState current = Objects.requireNonNull(locked.address().current());
        ConsentState pending = ConsentPolicy.resubscribeRequested(Objects.requireNonNull(row.emailAddress()), current);
        Optional<OffsetDateTime> already = confirmations.resubscribeRequestedSince(
                accountId, Objects.requireNonNull(row.emailKey()), Objects.requireNonNull(current.optOutDate()));
        if (already.isPresent()) {
            throw new Conflict("A resubscribe request was already sent to " + row.emailAddress() + " on "
                    + already.get() + "; only one is allowed per opt-out. The contact can still sign up again.");
        }
        memberships.requireLive(accountId, listIds);
        consent.apply(locked.address(), contactId, c -> pending, actor);
        confirmations.request(
                accountId, row.emailKey(), row.emailAddress(), contactId, listIds, Purpose.RESUBSCRIBE, now);
    }

    private void insert(ContactRow row, OffsetDateTime now) {
        if (!contacts.insert(row)) {
            throw new Conflict("A concurrent request created a contact with this address; retry");
        }
        events.created(row, now);
    }

    private void update(ContactRow before, ContactRow after, OffsetDateTime now) {
        contacts.update(after);
        events.changed(before, after, now);
    }

    private static ConsentState accountWrite(ContactDraft draft, @Nullable ConsentState current, OffsetDateTime now) {
        Permission requested = draft.permission();
        if (requested == null) {
            return current != null ? current : ConsentPolicy.initial(Source.ACCOUNT, now);
        }
        if (requested == Permission.UNSUBSCRIBED && draft.source() == Source.CONTACT) {
            return ConsentPolicy.contactOptsOut(current, draft.optOutReason(), now);
        }
        return ConsentPolicy.accountSets(Objects.requireNonNull(draft.emailAddress()), current, requested, now);
    }

    /** Lists, tags and custom field values the draft carries replace the contact's; others stay. */
    private void replaceLists(
            UUID accountId, UUID contactId, ContactRow contact, ContactDraft draft, OffsetDateTime now) {
        if (draft.listMemberships() != null) {
            if (contact.emailKey() != null) {
                Set<UUID> adding = new LinkedHashSet<>(draft.listMemberships());
                adding.removeAll(
                        memberships.listsOf(accountId, List.of(contactId)).getOrDefault(contactId, List.of()));
                consent.requireMayAddToLists(
                        accountId,
                        contact.emailKey(),
                        Objects.requireNonNullElse(contact.emailAddress(), contact.emailKey()),
                        adding);
            }
            memberships.replace(accountId, contactId, draft.listMemberships(), now);
        }
        if (draft.taggings() != null) {
            tags.replaceTaggings(accountId, contactId, draft.taggings(), now);
        }
        if (draft.customFields() != null) {
            fields.replaceValues(accountId, contactId, draft.customFields());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
