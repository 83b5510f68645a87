package io.audience.contact;

import io.audience.api.Conflict;
import io.audience.consent.Actor;
import io.audience.consent.ConsentPolicy;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentService.AddressLock;
import io.audience.consent.ConsentState;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.identity.Ids;
import io.audience.list.ListMemberships;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
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

    ContactService(ContactRepository contacts, ContactDetailsRepository details, ContactQueries queries,
            ConsentService consent, ListMemberships memberships) {
        this.contacts = contacts;
        this.details = details;
        this.queries = queries;
        this.consent = consent;
        this.memberships = memberships;
    }

    public enum SignUpAction { CREATED, UPDATED }

    public record SignUpResult(UUID contactId, SignUpAction action) {}

    @Transactional
    public ContactView create(UUID accountId, ContactDraft draft, Actor actor) {
        OffsetDateTime now = now();
        UUID contactId = Ids.next();
        if (draft.emailKey() != null) {
            AddressLock lock = consent.lock(accountId, draft.emailKey(), now);
            Optional<ContactView> existing = contacts.findByEmail(accountId, draft.emailKey());
            if (existing.isPresent()) {
                throw new EmailConflict(draft.emailAddress(), existing.get());
            }
            consent.apply(lock, contactId, current -> accountWrite(draft, current, now), actor);
        }
        insert(ContactRow.create(accountId, contactId, draft, draft.source(), now));
        replaceDetails(accountId, contactId, draft, now);
        return queries.get(accountId, contactId, EVERYTHING);
    }

    /** PUT: replaces, revives a deleted contact, and may move it to a new address. */
    @Transactional
    public ContactView update(UUID accountId, UUID contactId, ContactDraft draft, @Nullable String ifMatch,
            Actor actor) {
        OffsetDateTime now = now();
        ContactRow row = lockInOrder(accountId, contactId, now);
        row.checkIfMatch(ifMatch);
        AddressLock address = null;
        if (draft.emailKey() != null && !draft.emailKey().equals(row.emailKey())) {
            address = consent.lock(accountId, draft.emailKey(), now);
            Optional<ContactView> owner = contacts.findByEmail(accountId, draft.emailKey());
            if (owner.isPresent()) {
                throw new EmailConflict(draft.emailAddress(), owner.get());
            }
        } else if (row.emailKey() != null && draft.permission() != null) {
            address = consent.lock(accountId, row.emailKey(), now);
        }
        if (address != null) {
            consent.apply(address, contactId, current -> accountWrite(draft, current, now), actor);
        }
        contacts.update(row.replacedBy(draft, now));
        replaceDetails(accountId, contactId, draft, now);
        return queries.get(accountId, contactId, EVERYTHING);
    }

    /** Deleting keeps the contact findable and its consent untouched; it leaves every list. */
    @Transactional
    public void delete(UUID accountId, UUID contactId) {
        ContactRow row = lockInOrder(accountId, contactId, now());
        if (row.deletedAt() == null) {
            contacts.update(row.deleted(now()));
            memberships.removeAll(accountId, contactId);
        }
    }

    /**
     * The person's own sign-up, relayed by the business: creates or updates by address, revives a
     * deleted contact, adds lists; the address becomes explicit unless the person had opted out.
     */
    @Transactional
    public SignUpResult signUp(UUID accountId, ContactDraft draft, Actor actor) {
        OffsetDateTime now = now();
        String key = Objects.requireNonNull(draft.emailKey());
        AddressLock lock = consent.lock(accountId, key, now);
        Optional<ContactRow> existing = contacts.lockRowByEmail(accountId, key);
        UUID contactId = existing.map(ContactRow::contactId).orElseGet(Ids::next);
        consent.apply(lock, contactId, current -> ConsentPolicy.contactSignsUp(current, now), actor);
        if (existing.isEmpty()) {
            insert(ContactRow.create(accountId, contactId, draft, Source.CONTACT, now));
            replaceDetails(accountId, contactId, draft, now);
            return new SignUpResult(contactId, SignUpAction.CREATED);
        }
        contacts.update(existing.get().mergedWith(draft, now));
        SignUpMerge.mergeDetails(details, accountId, contactId, draft, now);
        memberships.add(accountId, contactId, Objects.requireNonNull(draft.listMemberships()), now);
        return new SignUpResult(contactId, SignUpAction.UPDATED);
    }

    /** Locks the contact's address, then the contact: the order every writer follows. */
    private ContactRow lockInOrder(UUID accountId, UUID contactId, OffsetDateTime now) {
        ContactRow unlocked = contacts.row(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        if (unlocked.emailKey() != null) {
            consent.lock(accountId, unlocked.emailKey(), now);
        }
        ContactRow row = contacts.lockRow(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        if (!Objects.equals(row.emailKey(), unlocked.emailKey())) {
            throw new Conflict("A concurrent request changed this contact's address; retry");
        }
        return row;
    }

    private void insert(ContactRow row) {
        if (!contacts.insert(row)) {
            throw new Conflict("A concurrent request created a contact with this address; retry");
        }
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

    private void replaceDetails(UUID accountId, UUID contactId, ContactDraft draft, OffsetDateTime now) {
        if (draft.phoneNumbers() != null) {
            details.replacePhones(accountId, contactId, draft.phoneNumbers(), draft.source().wire(), now);
        }
        if (draft.streetAddresses() != null) {
            details.replaceAddresses(accountId, contactId, draft.streetAddresses(), now);
        }
        if (draft.notes() != null) {
            details.replaceNotes(accountId, contactId, draft.notes(), now);
        }
        if (draft.listMemberships() != null) {
            memberships.replace(accountId, contactId, draft.listMemberships(), now);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
