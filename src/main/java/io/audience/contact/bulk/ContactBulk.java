package io.audience.contact.bulk;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.ValidationFailed;
import io.audience.contact.ContactQueries;
import io.audience.contact.ContactQuery;
import io.audience.list.ListMemberships;
import io.audience.tag.TagService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk deletes, list-membership and tagging changes. The contacts a request names (by id, by list,
 * by tag, or all active ones) are fixed when it is accepted and staged as the activity's rows.
 */
@Service
public class ContactBulk {

    static final String DELETE = "contact_delete";
    static final String ADD = "add_list_memberships";
    static final String REMOVE = "remove_list_memberships";
    static final String TAG = "contacts_taggings_add";
    static final String UNTAG = "contacts_taggings_remove";
    static final String ROW_ID = "contact_id";
    private static final int PAGE = 1000;

    private final ActivityLog activities;
    private final ContactQueries queries;
    private final ListMemberships memberships;
    private final TagService tags;
    private final JsonMapper json;
    private final Clock clock;

    ContactBulk(
            ActivityLog activities,
            ContactQueries queries,
            ListMemberships memberships,
            TagService tags,
            JsonMapper json,
            Clock clock) {
        this.activities = activities;
        this.queries = queries;
        this.memberships = memberships;
        this.tags = tags;
        this.json = json;
        this.clock = clock;
    }

    /** Which contacts: exactly one of the vendor's mutually exclusive sources. */
    public record Source(List<UUID> contactIds, List<UUID> listIds, List<UUID> tagIds, boolean allActiveContacts) {}

    record ListsPayload(List<UUID> listIds) {}

    record TagsPayload(List<UUID> tagIds) {}

    @Transactional
    public ActivityView delete(UUID accountId, Source source) {
        checkSource(DELETE, source);
        return accept(accountId, DELETE, source, new ListsPayload(List.of()), 0);
    }

    @Transactional
    public ActivityView changeMemberships(UUID accountId, boolean add, Source source, List<UUID> listIds) {
        if (listIds.isEmpty() || listIds.size() > 50) {
            throw new ValidationFailed("list_ids must name 1 to 50 lists");
        }
        checkSource(ADD, source);
        memberships.requireLive(accountId, listIds);
        return accept(accountId, add ? ADD : REMOVE, source, new ListsPayload(listIds), listIds.size());
    }

    /** Adds or removes the tags on every contact of the source; a tag not of the account is a 404. */
    @Transactional
    public ActivityView changeTaggings(UUID accountId, boolean add, Source source, List<UUID> tagIds) {
        if (tagIds.isEmpty() || tagIds.size() > 50) {
            throw new ValidationFailed("tag_ids must name 1 to 50 tags, not " + tagIds.size());
        }
        checkSource(TAG, source);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(tagIds));
        tags.requireExisting(accountId, "tag_ids", distinct);
        return accept(accountId, add ? TAG : UNTAG, source, new TagsPayload(distinct), 0);
    }

    /** The whole request is checked before any id is looked up: a malformed one is a 400 even with unknown ids. */
    private static void checkSource(String kind, Source source) {
        int given = (source.contactIds().isEmpty() ? 0 : 1)
                + (source.listIds().isEmpty() ? 0 : 1)
                + (source.tagIds().isEmpty() ? 0 : 1)
                + (source.allActiveContacts() ? 1 : 0);
        if (given != 1) {
            throw new ValidationFailed("Name the contacts by exactly one of contact_ids, list_ids, tag_ids"
                    + (DELETE.equals(kind) ? "" : " or all_active_contacts"));
        }
        if (source.contactIds().size() > 500
                || source.listIds().size() > 50
                || source.tagIds().size() > 50) {
            throw new ValidationFailed("contact_ids takes at most 500 ids, list_ids and tag_ids 50");
        }
    }

    private ActivityView accept(UUID accountId, String kind, Source source, Object payload, int listCount) {
        if (!source.listIds().isEmpty()) {
            memberships.requireLive(accountId, source.listIds());
        }
        return activities.acceptEach(
                accountId,
                kind,
                json.writeValueAsString(payload),
                listCount,
                ROW_ID,
                contactsOf(accountId, source),
                OffsetDateTime.now(clock));
    }

    private Set<UUID> contactsOf(UUID accountId, Source source) {
        if (!source.contactIds().isEmpty()) {
            return new LinkedHashSet<>(source.contactIds());
        }
        Set<ContactQuery.Status> statuses = source.allActiveContacts()
                ? EnumSet.of(ContactQuery.Status.ACTIVE)
                : EnumSet.noneOf(ContactQuery.Status.class);
        ContactQuery query = ContactQuery.forExport(
                statuses,
                new LinkedHashSet<>(source.listIds()),
                new LinkedHashSet<>(source.tagIds()),
                Set.of(),
                Set.of(),
                PAGE);
        Set<UUID> ids = new LinkedHashSet<>();
        ContactQueries.ContactPage page = queries.page(accountId, query);
        while (true) {
            page.contacts().forEach(c -> ids.add(c.contactId()));
            if (page.nextAfter() == null) {
                return ids;
            }
            page = queries.page(accountId, query.after(page.nextAfter()));
        }
    }
}
