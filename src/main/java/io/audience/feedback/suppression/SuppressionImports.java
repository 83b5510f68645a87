package io.audience.feedback.suppression;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.ApiException;
import io.audience.api.ValidationFailed;
import io.audience.consent.ConsentService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a suppression import (issue 17): the file's columns are checked before anything is
 * written, its rows are checked and staged in the transaction that creates the activity, and the
 * activity engine applies them a chunk at a time ({@link SuppressionChunkRepository}). A row that
 * cannot be read or checked is staged failed, with its reason; an address named again later in
 * the file is skipped as a duplicate of its first row (found by the chunks, from the staged rows).
 */
@Service
public class SuppressionImports {

    static final String KIND = "suppressions_import";

    private final ActivityLog activities;
    private final ConsentService consent;
    private final SuppressionStagingRepository staging;
    private final Clock clock;

    SuppressionImports(
            ActivityLog activities, ConsentService consent, SuppressionStagingRepository staging, Clock clock) {
        this.activities = activities;
        this.consent = consent;
        this.staging = staging;
        this.clock = clock;
    }

    /** The columns a file must and may have, checked before the file is staged (400 otherwise). */
    public static void checkColumns(List<String> columns) {
        for (String required : List.of("email", "reason")) {
            if (!columns.contains(required)) {
                throw new ValidationFailed("The file must have the columns email and reason (the first line names"
                        + " the columns); it has no " + required + " column: " + columns);
            }
        }
        for (String column : columns) {
            if (!SuppressionEntry.COLUMNS.contains(column)) {
                throw new ValidationFailed("The file has the unknown column " + column + "; a suppression file has "
                        + String.join(", ", SuppressionEntry.COLUMNS));
            }
        }
    }

    @Transactional
    public ActivityView accept(UUID accountId, SuppressionFile file) {
        checkColumns(file.columns());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Function<String, String> fingerprints = consent.suppressionFingerprints(accountId);
        UUID activityId = activities.accept(accountId, KIND, "{}", 0, now);
        SuppressionStagingRepository.Rows rows = staging.open(accountId, activityId);
        int[] count = {0};
        int[] failed = {0};
        try {
            file.forEachRow(row -> {
                int number = ++count[0];
                String problem = row.problem();
                if (problem != null) {
                    failed[0]++;
                    rows.failed(number, "row " + number + ": " + problem);
                    return;
                }
                try {
                    SuppressionEntry read = SuppressionEntry.read(number, row.cells(), now);
                    rows.staged(number, read, fingerprints.apply(read.emailKey()));
                } catch (ApiException invalid) {
                    failed[0]++;
                    rows.failed(number, invalid.getMessage());
                }
            });
            rows.finish();
        } catch (RuntimeException e) {
            rows.abort();
            throw e;
        }
        if (count[0] == 0) {
            throw new ValidationFailed("The file must hold at least one row after its header");
        }
        if (failed[0] > 0) {
            staging.reportRefused(accountId, activityId);
        }
        staging.analyze();
        return activities.ready(accountId, activityId, count[0], failed[0]);
    }
}
