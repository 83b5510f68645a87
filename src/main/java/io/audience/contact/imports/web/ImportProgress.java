package io.audience.contact.imports.web;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An import as its progress page shows it; {@code finished} stops the page's polling. */
public record ImportProgress(
        UUID activityId,
        @Nullable String fileName,
        String state,
        int percent,
        int total,
        int done,
        ActivityLog.Outcomes outcomes,
        OffsetDateTime createdAt,
        @Nullable String error,
        List<ActivityLog.ReportRow> failures) {

    static ImportProgress of(
            ActivityView activity,
            @Nullable String fileName,
            ActivityLog.Outcomes outcomes,
            List<ActivityLog.ReportRow> failures) {
        return new ImportProgress(
                activity.activityId(),
                fileName,
                activity.state(),
                activity.percentDone(),
                activity.counters().itemsTotalCount(),
                activity.counters().itemsCompletedCount(),
                outcomes,
                activity.createdAt(),
                activity.error(),
                failures);
    }

    public boolean finished() {
        return !state.equals("initialized") && !state.equals("processing");
    }

    public String href() {
        return "/console/imports/" + activityId;
    }
}
