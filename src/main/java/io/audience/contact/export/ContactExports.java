package io.audience.contact.export;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.NotFound;
import io.audience.api.ValidationFailed;
import io.audience.contact.ContactQuery;
import io.audience.list.ListMemberships;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact exports: the request is recorded as a completed activity with its filters, and the CSV
 * is produced when it is downloaded, streamed by PostgreSQL, so an export of any size takes constant
 * memory.
 */
@Service
public class ContactExports {

    static final String KIND = "contact_exports";

    private final ActivityLog activities;
    private final ExportRepository copies;
    private final ListMemberships memberships;
    private final JsonMapper json;
    private final Clock clock;

    ContactExports(
            ActivityLog activities,
            ExportRepository copies,
            ListMemberships memberships,
            JsonMapper json,
            Clock clock) {
        this.activities = activities;
        this.copies = copies;
        this.memberships = memberships;
        this.json = json;
        this.clock = clock;
    }

    /** What to export, as the vendor's ContactsExport. */
    public record ExportRequest(
            List<UUID> contactIds,
            List<UUID> listIds,
            List<UUID> tagIds,
            @Nullable String status,
            List<String> fields,
            List<UUID> excludedIds) {}

    @Transactional
    public ActivityView request(UUID accountId, ExportRequest request) {
        if (request.contactIds().size() > 500
                || request.listIds().size() > 50
                || request.tagIds().size() > 50
                || request.excludedIds().size() > 50) {
            throw new ValidationFailed(
                    "contact_ids takes at most 500 ids; list_ids, tag_ids and exclude.contact_ids 50");
        }
        for (String field : request.fields()) {
            if (!ExportRepository.columnNames().contains(field)) {
                throw new ValidationFailed("fields accepts " + ExportRepository.columnNames() + ", not " + field);
            }
        }
        ContactQuery.statuses(request.status());
        memberships.requireLive(accountId, request.listIds());
        return activities.completedWith(accountId, KIND, json.writeValueAsString(request), OffsetDateTime.now(clock));
    }

    /** The columns a file has when none are chosen, in their order. */
    public static List<String> columns() {
        return List.copyOf(ExportRepository.COLUMNS.keySet());
    }

    /** The columns a file has only when chosen: each contact's unsubscribe links, for a sending system. */
    public static List<String> linkColumns() {
        return ExportRepository.LINK_COLUMNS;
    }

    /** An export as the console shows it: its activity and what it asked for. */
    public record PastExport(ActivityView activity, ExportRequest request) {}

    /** The account's exports, newest first. */
    @Transactional(readOnly = true)
    public List<PastExport> past(UUID accountId, @Nullable UUID after, int limit) {
        return activities.pageOfKinds(accountId, Set.of(KIND), after, limit).stream()
                .map(activity -> get(accountId, activity.activityId()))
                .toList();
    }

    /** The account's export, or 404 (another account's, or another kind of activity). */
    @Transactional(readOnly = true)
    public PastExport get(UUID accountId, UUID activityId) {
        String payload = activities
                .payloadOf(accountId, activityId, KIND)
                .orElseThrow(() -> new NotFound("No contact export " + activityId + " in this account"));
        return new PastExport(activities.get(accountId, activityId), json.readValue(payload, ExportRequest.class));
    }

    /** Another account's export, or another kind of activity, is a 404: checked before streaming starts. */
    public void requireExport(UUID accountId, UUID activityId) {
        if (activities.payloadOf(accountId, activityId, KIND).isEmpty()) {
            throw new NotFound("No contact export " + activityId + " in this account");
        }
    }

    /**
     * Writes the export's CSV: one {@code COPY ... TO STDOUT} that PostgreSQL streams into the
     * response, so the file is one consistent snapshot (no contact twice or missed when others
     * change meanwhile) and costs about what a raw COPY does.
     */
    public void write(UUID accountId, UUID activityId, OutputStream out) {
        String payload = activities
                .payloadOf(accountId, activityId, KIND)
                .orElseThrow(() -> new NotFound("No contact export " + activityId + " in this account"));
        ExportRequest request = json.readValue(payload, ExportRequest.class);
        List<String> columns = request.fields().isEmpty() ? columns() : request.fields();
        ContactQuery query = ContactQuery.forExport(
                ContactQuery.statuses(request.status()),
                new LinkedHashSet<>(request.listIds()),
                new LinkedHashSet<>(request.tagIds()),
                new LinkedHashSet<>(request.contactIds()),
                Set.copyOf(request.excludedIds()),
                Integer.MAX_VALUE);
        copies.copy(accountId, query, columns, out);
    }
}
