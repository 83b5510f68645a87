package io.audience.contact;

import io.audience.api.Conflict;
import io.audience.api.PreconditionFailed;
import io.audience.consent.Actor;
import io.audience.consent.ConsentPolicy;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentService.AddressLock;
import io.audience.consent.ConsentState;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.db.tables.records.ContactRecord;
import io.audience.identity.Ids;
import io.audience.list.ListMemberships;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
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
        ContactRecord row = ContactRepository.newRow(accountId, contactId, now);
        row.setCreateSource(draft.source().wire());
        if (draft.emailKey() != null) {
            AddressLock lock = consent.lock(accountId, draft.emailKey(), now);
            Optional<ContactView> existing = contacts.findByEmail(accountId, draft.emailKey());
            if (existing.isPresent()) {
                throw new EmailConflict(draft.emailAddress(), existing.get());
            }
            consent.apply(lock, contactId, current -> accountWrite(draft, current, now), actor);
            row.setEmailCreatedAt(now);
        }
        applyFields(row, draft, now);
        if (!contacts.insert(row)) {
            throw new Conflict("A concurrent request created a contact with this address; retry");
        }
        replaceDetails(accountId, contactId, draft, now);
        return queries.get(accountId, contactId, EVERYTHING);
    }

    @Transactional
    public ContactView update(UUID accountId, UUID contactId, ContactDraft draft, @Nullable String ifMatch,
            Actor actor) {
        OffsetDateTime now = now();
        ContactRecord unlocked = contacts.row(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        AddressLock currentAddress = unlocked.getEmailKey() == null
                ? null : consent.lock(accountId, unlocked.getEmailKey(), now);
        ContactRecord row = contacts.lockRow(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        if (!java.util.Objects.equals(row.getEmailKey(), unlocked.getEmailKey())) {
            throw new Conflict("A concurrent request changed this contact's address; retry");
        }
        checkIfMatch(row, ifMatch);
        String newKey = draft.emailKey();
        if (newKey != null && !newKey.equals(row.getEmailKey())) {
            AddressLock newAddress = consent.lock(accountId, newKey, now);
            Optional<ContactView> owner = contacts.findByEmail(accountId, newKey);
            if (owner.isPresent()) {
                throw new EmailConflict(draft.emailAddress(), owner.get());
            }
            consent.apply(newAddress, contactId, current -> accountWrite(draft, current, now), actor);
            row.setEmailCreatedAt(now);
        } else if (currentAddress != null && draft.permission() != null) {
            consent.apply(currentAddress, contactId, current -> accountWrite(draft, current, now), actor);
        }
        applyFields(row, draft, now);
        row.setDeletedAt(null);
        row.setVersion(row.getVersion() + 1);
        row.setUpdatedAt(now);
        contacts.update(row);
        replaceDetails(accountId, contactId, draft, now);
        return queries.get(accountId, contactId, EVERYTHING);
    }

    /** Deleting keeps the contact findable and its consent untouched; it leaves every list. */
    @Transactional
    public void delete(UUID accountId, UUID contactId) {
        OffsetDateTime now = now();
        ContactRecord unlocked = contacts.row(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        if (unlocked.getEmailKey() != null) {
            consent.lock(accountId, unlocked.getEmailKey(), now);
        }
        ContactRecord row = contacts.lockRow(accountId, contactId).orElseThrow(() -> ContactQueries.notFound(contactId));
        if (row.getDeletedAt() != null) {
            return;
        }
        row.setDeletedAt(now);
        row.setUpdatedAt(now);
        row.setVersion(row.getVersion() + 1);
        contacts.update(row);
        memberships.removeAll(accountId, contactId);
    }

    /**
     * The person's own sign-up, relayed by the business: creates or updates by address, revives a
     * deleted contact, adds lists; the address becomes explicit unless the person had opted out.
     */
    @Transactional
    public SignUpResult signUp(UUID accountId, ContactDraft draft, Actor actor) {
        OffsetDateTime now = now();
        String key = java.util.Objects.requireNonNull(draft.emailKey());
        AddressLock lock = consent.lock(accountId, key, now);
        Optional<ContactRecord> existing = contacts.lockRowByEmail(accountId, key);
        UUID contactId = existing.map(ContactRecord::getContactId).orElseGet(Ids::next);
        consent.apply(lock, contactId, current -> ConsentPolicy.contactSignsUp(current, now), actor);
        if (existing.isEmpty()) {
            ContactRecord row = ContactRepository.newRow(accountId, contactId, now);
            row.setCreateSource(Source.CONTACT.wire());
            row.setEmailCreatedAt(now);
            applyFields(row, draft, now);
            if (!contacts.insert(row)) {
                throw new Conflict("A concurrent request created a contact with this address; retry");
            }
            replaceDetails(accountId, contactId, draft, now);
            return new SignUpResult(contactId, SignUpAction.CREATED);
        }
        ContactRecord row = existing.get();
        mergeFields(row, draft, now);
        row.setDeletedAt(null);
        row.setVersion(row.getVersion() + 1);
        row.setUpdatedAt(now);
        contacts.update(row);
        SignUpMerge.mergeDetails(details, accountId, contactId, draft, now);
        memberships.add(accountId, contactId, draft.listMemberships(), now);
        return new SignUpResult(contactId, SignUpAction.UPDATED);
    }

    private static ConsentState accountWrite(ContactDraft draft, @Nullable ConsentState current, OffsetDateTime now) {
        Permission requested = draft.permission();
        if (requested == null) {
            return current != null ? current : ConsentPolicy.initial(Source.ACCOUNT, now);
        }
        if (requested == Permission.UNSUBSCRIBED && draft.source() == Source.CONTACT) {
            return ConsentPolicy.contactOptsOut(current, draft.optOutReason(), now);
        }
        return ConsentPolicy.accountSets(draft.emailAddress(), current, requested, now);
    }

    private static void checkIfMatch(ContactRecord row, @Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = "\"" + row.getVersion() + "\"";
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailed("The contact changed since you read it: If-Match " + ifMatch
                + " does not match the current ETag " + current + "; GET it again and retry");
    }

    /** PUT replaces the top-level properties; the address stays unless a new one is sent. */
    private static void applyFields(ContactRecord row, ContactDraft draft, OffsetDateTime now) {
        if (draft.emailKey() != null) {
            if (!draft.emailAddress().equals(row.getEmailAddress())) {
                row.setEmailUpdatedAt(now);
            }
            row.setEmailKey(draft.emailKey());
            row.setEmailAddress(draft.emailAddress());
        }
        row.setFirstName(draft.firstName());
        row.setLastName(draft.lastName());
        row.setJobTitle(draft.jobTitle());
        row.setCompanyName(draft.companyName());
        row.setBirthdayMonth(draft.birthdayMonth() == null ? null : draft.birthdayMonth().shortValue());
        row.setBirthdayDay(draft.birthdayDay() == null ? null : draft.birthdayDay().shortValue());
        row.setAnniversary(draft.anniversary());
        row.setUpdateSource(draft.source().wire());
    }

    /** Sign-up updates are partial: only what the form sent changes. */
    private static void mergeFields(ContactRecord row, ContactDraft draft, OffsetDateTime now) {
        if (!draft.emailAddress().equals(row.getEmailAddress())) {
            row.setEmailAddress(draft.emailAddress());
            row.setEmailUpdatedAt(now);
        }
        row.setFirstName(draft.firstName() != null ? draft.firstName() : row.getFirstName());
        row.setLastName(draft.lastName() != null ? draft.lastName() : row.getLastName());
        row.setJobTitle(draft.jobTitle() != null ? draft.jobTitle() : row.getJobTitle());
        row.setCompanyName(draft.companyName() != null ? draft.companyName() : row.getCompanyName());
        if (draft.birthdayMonth() != null) {
            row.setBirthdayMonth(draft.birthdayMonth().shortValue());
            row.setBirthdayDay(draft.birthdayDay().shortValue());
        }
        if (draft.anniversary() != null) {
            row.setAnniversary(draft.anniversary());
        }
        row.setUpdateSource(Source.CONTACT.wire());
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
