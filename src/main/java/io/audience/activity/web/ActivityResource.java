package io.audience.activity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.activity.ActivityView;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/** The vendor's activity status shape (ActivityImport, ActivityDeleteListResponse and friends). */
@NamedInterface("web")
public record ActivityResource(
        UUID activityId,
        String state,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime startedAt,
        @Nullable OffsetDateTime completedAt,
        int percentDone,
        List<String> activityErrors,
        ActivityView.Counters status,
        @JsonProperty("_links") Map<String, Map<String, String>> links) {

    public static ActivityResource of(ActivityView activity) {
        return new ActivityResource(
                activity.activityId(),
                activity.state(),
                activity.createdAt(),
                activity.updatedAt(),
                activity.startedAt(),
                activity.completedAt(),
                activity.percentDone(),
                activity.error() == null ? List.of() : List.of(activity.error()),
                activity.counters(),
                links(activity));
    }

    private static Map<String, Map<String, String>> links(ActivityView activity) {
        Map<String, Map<String, String>> links = new java.util.LinkedHashMap<>();
        links.put("self", Map.of("href", href(activity)));
        if ("contact_exports".equals(activity.kind())) {
            links.put("results", Map.of("href", "/v3/contact_exports/" + activity.activityId()));
        }
        return links;
    }

    /** The answer to a request that started bulk work: 201, its {@code Location} and status body. */
    public static ResponseEntity<ActivityResource> created(ActivityView activity) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(href(activity)))
                .body(of(activity));
    }

    public static String hrefOf(ActivityResource activity) {
        return "/v3/activities/" + activity.activityId();
    }

    public static String href(ActivityView activity) {
        return "/v3/activities/" + activity.activityId();
    }
}
