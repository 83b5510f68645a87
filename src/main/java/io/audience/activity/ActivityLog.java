package io.audience.activity;

import io.audience.api.NotFound;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk work, so that its status can be fetched at {@code /v3/activities/{id}} as the vendor's
 * clients expect after a 202. Work done within the request is recorded completed; staged work is
 * run by {@link ActivityWorker}.
 */
@Service
public class ActivityLog {

    private static final int STAGE_BATCH = 1000;

    private final ActivityRepository store;
    private final ActivityCompletions completions;
    private final ActivityViewRepository views;
    private final ActivityRowRepository rowDeletes;

    ActivityLog(
            ActivityRepository store,
            ActivityViewRepository views,
            ActivityRowRepository rowDeletes,
            ActivityCompletions completions) {
        this.store = store;
        this.completions = completions;
        this.views = views;
        this.rowDeletes = rowDeletes;
    }

    public record ReportRow(
            int number,
            String outcome,
            @Nullable String reason,
            @Nullable UUID contactId) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityView completed(UUID accountId, String kind, OffsetDateTime now) {
        UUID id = Ids.next();
        store.insert(accountId, id, kind, ActivityRepository.COMPLETED, null, 0, now);
        completions.completed(accountId, id, now);
        return views.find(accountId, id).orElseThrow();
    }

    /** Work whose result is produced on demand (an export): recorded completed, with its request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityView completedWith(UUID accountId, String kind, String payload, OffsetDateTime now) {
        UUID id = Ids.next();
        store.insert(accountId, id, kind, ActivityRepository.COMPLETED, payload, 0, now);
        completions.completed(accountId, id, now);
        return views.find(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<String> payloadOf(UUID accountId, UUID activityId, String kind) {
        return views.payloadOf(accountId, activityId, kind);
    }

    /** Accepts staged work: the caller stages its items into the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID accept(UUID accountId, String kind, String payload, int listCount, OffsetDateTime now) {
        UUID id = Ids.next();
        store.insert(accountId, id, kind, ActivityRepository.INITIALIZED, payload, listCount, now);
        return id;
    }

    /**
     * Accepts bulk work over ids fixed now, one row per id (as {@link ActivityItem#naming}), staged in
     * the caller's transaction; the activity is ready for the worker when that commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityView acceptEach(
            UUID accountId,
            String kind,
            String payload,
            int listCount,
            String field,
            Collection<UUID> ids,
            OffsetDateTime now) {
        UUID activityId = accept(accountId, kind, payload, listCount, now);
        List<ActivityItem> batch = new ArrayList<>();
        int number = 0;
        for (UUID id : ids) {
            batch.add(ActivityItem.naming(++number, field, id));
            if (batch.size() == STAGE_BATCH) {
                store.stage(accountId, activityId, batch);
                batch.clear();
            }
        }
        store.stage(accountId, activityId, batch);
        return ready(accountId, activityId, number);
    }

    /** Erase: the staged rows that name the person, whatever activity they belong to. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetPerson(UUID accountId, UUID contactId, java.util.Collection<String> emailKeys) {
        rowDeletes.forgetPerson(accountId, contactId, emailKeys);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void stage(UUID accountId, UUID activityId, List<ActivityItem> items) {
        store.stage(accountId, activityId, items);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void describe(UUID accountId, UUID activityId, String payload, int listCount) {
        store.describe(accountId, activityId, payload, listCount);
    }

    /** Ready, with the rows refused while staging (failed, correctable) already counted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityView ready(UUID accountId, UUID activityId, int total, int refused) {
        store.setDecided(accountId, activityId, new ActivityView.Counters(0, refused, 0, refused, refused, 0, 0));
        return ready(accountId, activityId, total);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityView ready(UUID accountId, UUID activityId, int total) {
        store.setTotal(accountId, activityId, total);
        return views.find(accountId, activityId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ActivityView get(UUID accountId, UUID activityId) {
        return views.find(accountId, activityId)
                .orElseThrow(() -> new NotFound("No activity " + activityId + " in this account"));
    }

    @Transactional(readOnly = true)
    public List<ActivityView> page(UUID accountId, @Nullable String state, @Nullable UUID after, int limit) {
        return views.page(accountId, state, after, limit);
    }

    /** The account's activities still waiting or running, oldest first. */
    @Transactional(readOnly = true)
    public List<ActivityView> unfinished(UUID accountId, int limit) {
        return views.unfinished(accountId, limit);
    }

    /** Streams every row's outcome to {@code rows}; the activity must be checked first with {@link #get}. */
    @Transactional(readOnly = true)
    public void report(UUID accountId, UUID activityId, java.util.function.Consumer<ReportRow> rows) {
        views.report(
                accountId,
                activityId,
                r -> rows.accept(new ReportRow(r.number(), r.outcome(), r.reason(), r.contactId())));
    }

    /** How many of an activity's rows were created, updated, skipped and failed so far. */
    public record Outcomes(int created, int updated, int skipped, int failed) {}

    /** Counted from the rows' outcomes (the counters do not tell created from updated). */
    @Transactional(readOnly = true)
    public Outcomes outcomes(UUID accountId, UUID activityId) {
        java.util.Map<String, Integer> counts = views.outcomes(accountId, activityId);
        return new Outcomes(
                counts.getOrDefault(ItemOutcome.Kind.CREATED.wire(), 0),
                counts.getOrDefault(ItemOutcome.Kind.UPDATED.wire(), 0),
                counts.getOrDefault(ItemOutcome.Kind.SKIPPED.wire(), 0),
                counts.getOrDefault(ItemOutcome.Kind.FAILED.wire(), 0));
    }

    /** The first {@code limit} rows that failed, with their reasons; the activity must be checked first. */
    @Transactional(readOnly = true)
    public List<ReportRow> failures(UUID accountId, UUID activityId, int limit) {
        return views.failures(accountId, activityId, limit).stream()
                .map(r -> new ReportRow(r.number(), r.outcome(), r.reason(), r.contactId()))
                .toList();
    }

    /** The account's activities of these kinds, newest first (the console's past imports and exports). */
    @Transactional(readOnly = true)
    public List<ActivityView> pageOfKinds(
            UUID accountId, java.util.Set<String> kinds, @Nullable UUID after, int limit) {
        return views.pageOfKinds(accountId, kinds, after, limit);
    }
}
