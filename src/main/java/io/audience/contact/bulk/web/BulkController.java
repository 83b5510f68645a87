package io.audience.contact.bulk.web;

import io.audience.activity.web.ActivityResource;
import io.audience.api.BoundedIds;
import io.audience.api.Caller;
import io.audience.api.IdLists;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.contact.bulk.ContactBulk;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Bulk deletes, list-membership and tagging changes, answered 201 with the activity that does them. */
@RestController
@Requires(Privilege.CONTACTS_WRITE)
class BulkController {

    private final ContactBulk bulk;

    BulkController(ContactBulk bulk) {
        this.bulk = bulk;
    }

    record DeleteInput(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> contactIds,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listIds) {}

    record SourceInput(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> contactIds,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listIds,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> tagIds,

            @Nullable Boolean allActiveContacts) {}

    record MembershipInput(
            @Nullable SourceInput source,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listIds) {}

    record TaggingInput(
            @Nullable SourceInput source,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> tagIds) {}

    @PostMapping(path = "/v3/activities/contact_delete", consumes = "application/json")
    ResponseEntity<ActivityResource> delete(Caller caller, @RequestBody DeleteInput body) {
        return ActivityResource.created(bulk.delete(
                caller.accountId(),
                new ContactBulk.Source(
                        IdLists.idsOf("contact_ids", body.contactIds()),
                        IdLists.idsOf("list_ids", body.listIds()),
                        List.of(),
                        false)));
    }

    @PostMapping(path = "/v3/activities/add_list_memberships", consumes = "application/json")
    ResponseEntity<ActivityResource> add(Caller caller, @RequestBody MembershipInput body) {
        return ActivityResource.created(bulk.changeMemberships(
                caller.accountId(), true, source(body.source()), IdLists.idsOf("list_ids", body.listIds())));
    }

    @PostMapping(path = "/v3/activities/remove_list_memberships", consumes = "application/json")
    ResponseEntity<ActivityResource> remove(Caller caller, @RequestBody MembershipInput body) {
        return ActivityResource.created(bulk.changeMemberships(
                caller.accountId(), false, source(body.source()), IdLists.idsOf("list_ids", body.listIds())));
    }

    @PostMapping(path = "/v3/activities/contacts_taggings_add", consumes = "application/json")
    ResponseEntity<ActivityResource> tag(Caller caller, @RequestBody TaggingInput body) {
        return ActivityResource.created(bulk.changeTaggings(
                caller.accountId(), true, source(body.source()), IdLists.idsOf("tag_ids", body.tagIds())));
    }

    @PostMapping(path = "/v3/activities/contacts_taggings_remove", consumes = "application/json")
    ResponseEntity<ActivityResource> untag(Caller caller, @RequestBody TaggingInput body) {
        return ActivityResource.created(bulk.changeTaggings(
                caller.accountId(), false, source(body.source()), IdLists.idsOf("tag_ids", body.tagIds())));
    }

    private static ContactBulk.Source source(@Nullable SourceInput source) {
        if (source == null) {
            throw new ValidationFailed("source is required");
        }
        return new ContactBulk.Source(
                IdLists.idsOf("source.contact_ids", source.contactIds()),
                IdLists.idsOf("source.list_ids", source.listIds()),
                IdLists.idsOf("source.tag_ids", source.tagIds()),
                Boolean.TRUE.equals(source.allActiveContacts()));
    }
}
