package io.audience.contact.web;

import io.audience.account.Caller;
import io.audience.activity.web.ActivityResource;
import io.audience.api.ValidationFailed;
import io.audience.contact.ContactBulk;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bulk deletes and list-membership changes, answered 201 with the activity that does them. */
@RestController
class BulkController {

    private final ContactBulk bulk;

    BulkController(ContactBulk bulk) {
        this.bulk = bulk;
    }

    record DeleteInput(@Nullable List<String> contactIds, @Nullable List<String> listIds) {}

    record SourceInput(@Nullable List<String> contactIds, @Nullable List<String> listIds, @Nullable List<String> tagIds,
            @Nullable Boolean allActiveContacts) {}

    record MembershipInput(@Nullable SourceInput source, @Nullable List<String> listIds) {}

    @PostMapping(path = "/v3/activities/contact_delete", consumes = "application/json")
    ResponseEntity<ActivityResource> delete(Caller caller, @RequestBody DeleteInput body) {
        return created(ActivityResource.of(bulk.delete(caller.accountId(), new ContactBulk.Source(
                IdLists.idsOf("contact_ids", body.contactIds()), IdLists.idsOf("list_ids", body.listIds()), List.of(), false))));
    }

    @PostMapping(path = "/v3/activities/add_list_memberships", consumes = "application/json")
    ResponseEntity<ActivityResource> add(Caller caller, @RequestBody MembershipInput body) {
        return created(ActivityResource.of(bulk.changeMemberships(caller.accountId(), true, source(body),
                IdLists.idsOf("list_ids", body.listIds()))));
    }

    @PostMapping(path = "/v3/activities/remove_list_memberships", consumes = "application/json")
    ResponseEntity<ActivityResource> remove(Caller caller, @RequestBody MembershipInput body) {
        return created(ActivityResource.of(bulk.changeMemberships(caller.accountId(), false, source(body),
                IdLists.idsOf("list_ids", body.listIds()))));
    }

    private static ContactBulk.Source source(MembershipInput body) {
        SourceInput source = body.source();
        if (source == null) {
            throw new ValidationFailed("source is required");
        }
        return new ContactBulk.Source(IdLists.idsOf("source.contact_ids", source.contactIds()),
                IdLists.idsOf("source.list_ids", source.listIds()), IdLists.idsOf("source.tag_ids", source.tagIds()),
                Boolean.TRUE.equals(source.allActiveContacts()));
    }

    private static ResponseEntity<ActivityResource> created(ActivityResource activity) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }
}
