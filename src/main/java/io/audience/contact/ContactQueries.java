package io.audience.contact;

import io.audience.api.NotFound;
import io.audience.consent.ConsentEvent;
import io.audience.consent.ConsentService;
import io.audience.customfield.CustomFieldService;
import io.audience.list.ListMemberships;
import io.audience.tag.TagService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reading contacts: by id, by filters with keyset paging, counts and consent history. */
@Service
public class ContactQueries {

    private final ContactRepository contacts;
    private final ContactDetailsRepository details;
    private final CountsRepository counts;
    private final ListMemberships memberships;
    private final ConsentService consent;
    private final TagService tags;
    private final CustomFieldService fields;
    private final Clock clock;

    ContactQueries(
            ContactRepository contacts,
            ContactDetailsRepository details,
            CountsRepository counts,
            ListMemberships memberships,
            ConsentService consent,
            TagService tags,
            CustomFieldService fields,
            Clock clock) {
        this.contacts = contacts;
        this.details = details;
        this.counts = counts;
        this.memberships = memberships;
        this.consent = consent;
        this.tags = tags;
        this.fields = fields;
        this.clock = clock;
    }

    public record ContactPage(
            List<ContactView> contacts,
            @Nullable Integer count,
            @Nullable UUID nextAfter) {}

    public record ConsentHistory(ContactView contact, List<ConsentEvent> events) {}

    /** The contact that has the address now, deleted ones too; empty when none has. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> contactIdOf(UUID accountId, String emailKey) {
        return contacts.rowByEmail(accountId, emailKey).map(ContactRow::contactId);
    }

    @Transactional(readOnly = true)
    public ContactView get(UUID accountId, UUID contactId, Set<Include> includes) {
        ContactView contact = contacts.find(accountId, contactId).orElseThrow(() -> notFound(contactId));
        return withDetails(accountId, List.of(contact), includes).get(0);
    }

    /**
     * GET /v3/contacts?email= with nothing else asked ({@link ContactQuery#addressOnly()}): one
     * statement, so it needs no transaction of its own, and is one round trip to the database.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public ContactPage byAddress(UUID accountId, String emailKey) {
        return new ContactPage(
                contacts.findByEmail(accountId, emailKey).map(List::of).orElse(List.of()), null, null);
    }

    @Transactional(readOnly = true)
    public ContactPage page(UUID accountId, ContactQuery query) {
        List<ContactView> found = contacts.page(ContactFilters.of(accountId, query), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<ContactView> page = more ? found.subList(0, query.limit()) : found;
        Integer count = null;
        if (query.includeCount()) {
            ContactQuery all = new ContactQuery(
                    query.statuses(),
                    query.emailKey(),
                    query.lists(),
                    query.tags(),
                    query.contactIds(),
                    query.excludedIds(),
                    query.updatedAfter(),
                    query.updatedBefore(),
                    query.createdAfter(),
                    query.createdBefore(),
                    query.optoutAfter(),
                    query.optoutBefore(),
                    query.deliveryStatus(),
                    query.includes(),
                    true,
                    query.limit(),
                    null);
            count = contacts.count(ContactFilters.of(accountId, all));
        }
        return new ContactPage(
                withDetails(accountId, page, query.includes()),
                count,
                more ? page.get(page.size() - 1).contactId() : null);
    }

    @Transactional(readOnly = true)
    public ContactCounts counts(UUID accountId, boolean includeNewSubscribers) {
        ContactCounts all = counts.counts(accountId, OffsetDateTime.now(clock).minusDays(30));
        return includeNewSubscribers
                ? all
                : new ContactCounts(
                        all.total(), all.explicit(), all.implicit(), all.pending(), all.unsubscribed(), null);
    }

    @Transactional(readOnly = true)
    public ConsentHistory consentHistory(UUID accountId, UUID contactId) {
        ContactView contact = contacts.find(accountId, contactId).orElseThrow(() -> notFound(contactId));
        List<ConsentEvent> events = contact.email() == null
                ? List.of()
                : consent.history(accountId, contact.email().key());
        return new ConsentHistory(contact, events);
    }

    /** Loads the asked-for sub-resources of a page in one query each, never one per contact. */
    List<ContactView> withDetails(UUID accountId, List<ContactView> page, Set<Include> includes) {
        if (page.isEmpty()) {
            return page;
        }
        Collection<UUID> ids = page.stream().map(ContactView::contactId).toList();
        var phones = includes.contains(Include.PHONE_NUMBERS) ? details.phonesOf(accountId, ids) : null;
        var addresses = includes.contains(Include.STREET_ADDRESSES) ? details.addressesOf(accountId, ids) : null;
        var notes = includes.contains(Include.NOTES) ? details.notesOf(accountId, ids) : null;
        Map<UUID, List<UUID>> lists =
                includes.contains(Include.LIST_MEMBERSHIPS) ? memberships.listsOf(accountId, ids) : null;
        Map<UUID, List<UUID>> taggings = includes.contains(Include.TAGGINGS) ? tags.taggingsOf(accountId, ids) : null;
        var values = includes.contains(Include.CUSTOM_FIELDS) ? fields.valuesOf(accountId, ids) : null;
        return page.stream()
                .map(c -> c.with(
                        phones == null ? null : phones.getOrDefault(c.contactId(), List.of()),
                        addresses == null ? null : addresses.getOrDefault(c.contactId(), List.of()),
                        notes == null ? null : notes.getOrDefault(c.contactId(), List.of()),
                        lists == null ? null : lists.getOrDefault(c.contactId(), List.of()),
                        taggings == null ? null : taggings.getOrDefault(c.contactId(), List.of()),
                        values == null ? null : values.getOrDefault(c.contactId(), List.of())))
                .toList();
    }

    static NotFound notFound(UUID contactId) {
        return new NotFound("No contact " + contactId + " in this account");
    }
}
