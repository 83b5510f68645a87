package io.audience.list.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.activity.web.ActivityResource;
import io.audience.api.BoundedIds;
import io.audience.api.Caller;
import io.audience.api.Cursor;
import io.audience.api.IdLists;
import io.audience.api.Limits;
import io.audience.api.Links;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.Text;
import io.audience.list.ListInput;
import io.audience.list.ListQuery;
import io.audience.list.ListService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

@RestController
@Requires(Privilege.LISTS_WRITE)
class ListController {

    private static final String COLLECTION = "contact_lists";

    private final ListService lists;

    ListController(ListService lists) {
        this.lists = lists;
    }

    /** The body of POST and PUT /v3/contact_lists: the vendor's ListInput. */
    record ListRequest(
            @Nullable String name,
            @Nullable Boolean favorite,
            @Nullable String description,
            @JsonProperty("public") @Nullable Boolean isPublic) {

        ListInput command() {
            return new ListInput(name, favorite, description, isPublic);
        }
    }

    record ContactListArray(
            List<ListResource> lists,
            @Nullable Integer listsCount,
            @JsonProperty("_links") @Nullable Map<String, Map<String, String>> links) {}

    @Requires(Privilege.LISTS_READ)
    @GetMapping("/v3/contact_lists")
    ContactListArray list(
            Caller caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "include_count", required = false) Boolean includeCount,
            @RequestParam(name = "include_membership_count", required = false) String membershipCount,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor) {
        ListQuery query = new ListQuery(
                Limits.pageSize(limit, 1000),
                Boolean.TRUE.equals(includeCount),
                ListQuery.membershipCount(membershipCount),
                name == null || name.isBlank() ? null : Text.printable("name", name),
                ListQuery.status(status),
                cursor == null ? null : Cursor.decode(COLLECTION, cursor));
        ListService.ListPage page = lists.page(caller.accountId(), query);
        Map<String, Map<String, String>> links =
                page.nextAfter() == null ? null : Links.next(new Cursor(COLLECTION, page.nextAfter()));
        return new ContactListArray(page.lists().stream().map(ListResource::of).toList(), page.count(), links);
    }

    @PostMapping(path = "/v3/contact_lists", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    ListResource create(Caller caller, @RequestBody ListRequest body) {
        return ListResource.of(lists.create(caller.accountId(), body.command()));
    }

    @Requires(Privilege.LISTS_READ)
    @GetMapping("/v3/contact_lists/{list_id}")
    ListResource get(
            Caller caller,
            @PathVariable("list_id") String listId,
            @RequestParam(name = "include_membership_count", required = false) String membershipCount) {
        return ListResource.of(
                lists.get(caller.accountId(), Limits.uuid("list", listId), ListQuery.membershipCount(membershipCount)));
    }

    @PutMapping(path = "/v3/contact_lists/{list_id}", consumes = "application/json")
    ListResource update(Caller caller, @PathVariable("list_id") String listId, @RequestBody ListRequest body) {
        return ListResource.of(lists.update(caller.accountId(), Limits.uuid("list", listId), body.command()));
    }

    record ListIdsInput(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listIds) {}

    /** Deletes up to 100 lists, each as DELETE /v3/contact_lists/{list_id} does, in an activity. */
    @Requires(Privilege.CONTACTS_WRITE)
    @PostMapping(path = "/v3/activities/list_delete", consumes = "application/json")
    ResponseEntity<ActivityResource> deleteEach(Caller caller, @RequestBody ListIdsInput body) {
        return ActivityResource.created(
                lists.deleteEach(caller.accountId(), IdLists.idsOf("list_ids", body.listIds())));
    }

    @DeleteMapping("/v3/contact_lists/{list_id}")
    ResponseEntity<ActivityResource> delete(Caller caller, @PathVariable("list_id") String listId) {
        ActivityResource activity = ActivityResource.of(lists.delete(caller.accountId(), Limits.uuid("list", listId)));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }
}
