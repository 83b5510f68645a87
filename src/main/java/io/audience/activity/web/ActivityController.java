package io.audience.activity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.Caller;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.Links;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.transfer.web.SpooledDownloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Requires(Privilege.CONTACTS_WRITE)
class ActivityController {

    private static final String COLLECTION = "activities";
    private static final Set<String> STATES =
            Set.of("initialized", "processing", "completed", "cancelled", "failed", "timed_out");

    private final ActivityLog activities;
    private final JsonMapper json;
    private final SpooledDownloads downloads;

    ActivityController(ActivityLog activities, JsonMapper json, SpooledDownloads downloads) {
        this.activities = activities;
        this.json = json;
        this.downloads = downloads;
    }

    record Activities(
            List<ActivityResource> activities,
            @JsonProperty("_links") @Nullable Map<String, Map<String, String>> links) {}

    @GetMapping("/v3/activities")
    Activities list(
            Caller caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String cursor) {
        if (state != null && !STATES.contains(state)) {
            throw new ValidationFailed("state must be one of " + STATES + ", not " + state);
        }
        int size = Limits.pageSize(limit, 500);
        List<ActivityView> found = activities.page(
                caller.accountId(),
                state,
                cursor == null ? null : Cursor.decode(COLLECTION, cursor).after(),
                size + 1);
        boolean more = found.size() > size;
        List<ActivityView> page = more ? found.subList(0, size) : found;
        return new Activities(
                page.stream().map(ActivityResource::of).toList(),
                more
                        ? Links.next(
                                new Cursor(COLLECTION, page.get(page.size() - 1).activityId()))
                        : null);
    }

    @GetMapping("/v3/activities/{activity_id}")
    ActivityResource get(Caller caller, @PathVariable("activity_id") String activityId) {
        return ActivityResource.of(activities.get(caller.accountId(), Limits.uuid("activity", activityId)));
    }

    /**
     * Every row of an activity with how it ended (extension): written from a cursor into a spool
     * file, then sent, so a report of a million rows never sits in memory and a slow reader holds
     * no database connection.
     */
    @GetMapping("/v3/activities/{activity_id}/report")
    void report(Caller caller, @PathVariable("activity_id") String activityId, HttpServletResponse response)
            throws IOException {
        UUID id = Limits.uuid("activity", activityId);
        activities.get(caller.accountId(), id);
        downloads.send(caller.accountId(), response, MediaType.APPLICATION_JSON_VALUE, null, out -> {
            try (JsonGenerator rows = json.createGenerator(out)) {
                rows.writeStartObject();
                rows.writeName("rows");
                rows.writeStartArray();
                activities.report(caller.accountId(), id, row -> json.writeValue(rows, row));
                rows.writeEndArray();
                rows.writeEndObject();
            }
        });
    }
}
