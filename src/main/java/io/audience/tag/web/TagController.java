package io.audience.tag.web;

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
import io.audience.tag.TagService;
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
@Requires(Privilege.CONTACTS_WRITE)
class TagController {

    private static final String COLLECTION = "contact_tags";

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    record TagInput(@Nullable String name, @Nullable String tagSource) {}

    record Tags(
            List<TagResource> tags,
            @JsonProperty("_links") @Nullable Map<String, Map<String, String>> links) {}

    @Requires(Privilege.CONTACTS_READ)
    @GetMapping("/v3/contact_tags")
    Tags list(
            Caller caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "include_count", required = false) Boolean includeCount,
            @RequestParam(required = false) String cursor) {
        TagService.TagPage page = tags.page(
                caller.accountId(),
                cursor == null ? null : Cursor.decode(COLLECTION, cursor).after(),
                Limits.pageSize(limit, 500),
                Boolean.TRUE.equals(includeCount));
        return new Tags(
                page.tags().stream().map(TagResource::of).toList(),
                page.nextAfter() == null ? null : Links.next(new Cursor(COLLECTION, page.nextAfter())));
    }

    @PostMapping(path = "/v3/contact_tags", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    TagResource create(Caller caller, @RequestBody TagInput body) {
        return TagResource.of(tags.create(caller.accountId(), body.name(), body.tagSource()));
    }

    @Requires(Privilege.CONTACTS_READ)
    @GetMapping("/v3/contact_tags/{tag_id}")
    TagResource get(
            Caller caller,
            @PathVariable("tag_id") String tagId,
            @RequestParam(name = "include_count", required = false) Boolean includeCount) {
        return TagResource.of(
                tags.get(caller.accountId(), Limits.uuid("tag", tagId), Boolean.TRUE.equals(includeCount)));
    }

    @PutMapping(path = "/v3/contact_tags/{tag_id}", consumes = "application/json")
    TagResource rename(Caller caller, @PathVariable("tag_id") String tagId, @RequestBody TagInput body) {
        return TagResource.of(tags.rename(caller.accountId(), Limits.uuid("tag", tagId), body.name()));
    }

    record TagIdsInput(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> tagIds) {}

    /** Deletes up to 500 tags, each as DELETE /v3/contact_tags/{tag_id} does, in an activity. */
    @PostMapping(path = "/v3/activities/contacts_tags_delete", consumes = "application/json")
    ResponseEntity<ActivityResource> deleteEach(Caller caller, @RequestBody TagIdsInput body) {
        return ActivityResource.created(tags.deleteEach(caller.accountId(), IdLists.idsOf("tag_ids", body.tagIds())));
    }

    @DeleteMapping("/v3/contact_tags/{tag_id}")
    ResponseEntity<ActivityResource> delete(Caller caller, @PathVariable("tag_id") String tagId) {
        ActivityResource activity = ActivityResource.of(tags.delete(caller.accountId(), Limits.uuid("tag", tagId)));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }
}
