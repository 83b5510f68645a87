package io.audience.contact.imports;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.ApiException;
import io.audience.api.ValidationFailed;
import io.audience.consent.ConsentService;
import io.audience.customfield.CustomFieldService;
import io.audience.identity.Ids;
import io.audience.list.ListMemberships;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts an import: rows are read and checked as they stream in and staged with COPY, in the
 * transaction that creates the activity, so an import is either accepted whole or not at all;
 * workers then apply it a chunk at a time ({@link ImportChunkRepository}). A row that cannot be imported is
 * staged already failed, with its reason.
 */
@Service
public class ContactImports {

    static final String JSON_KIND = "contacts_json_import";
    static final String FILE_KIND = "contacts_file_import";

    /** The kinds of activity an import is. */
    public static final java.util.Set<String> KINDS = java.util.Set.of(JSON_KIND, FILE_KIND);

    private static final List<String> COLUMNS = ImportRowReader.columns();

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContactImports.class);

    private final ActivityLog activities;
    private final ListMemberships memberships;
    private final CustomFieldService customFields;
    private final ConsentService consent;
    private final ImportStagingRepository staging;
    private final JsonMapper json;
    private final Clock clock;

    ContactImports(
            ActivityLog activities,
            ListMemberships memberships,
            CustomFieldService customFields,
            ConsentService consent,
            ImportStagingRepository staging,
            JsonMapper json,
            Clock clock) {
        this.activities = activities;
        this.memberships = memberships;
        this.customFields = customFields;
        this.consent = consent;
        this.staging = staging;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What the chunks need to know of an import. The flags are negative so that a payload written
     * before they existed reads as "look for repeats and details".
     */
    record ImportPayload(
            List<UUID> listIds,
            boolean noRepeats,
            boolean noExtras,
            @Nullable String fileName) {}

    /** An import as the console lists it: its activity, and the file's name when it had one. */
    public record PastImport(
            ActivityView activity, @Nullable String fileName) {}

    /** The vendor's columns a file may map its own columns to (custom fields are {@code cf:<name>}). */
    public static List<String> columns() {
        return COLUMNS;
    }

    @Transactional
    public ActivityView acceptJson(UUID accountId, ImportSource source) {
        return accept(accountId, JSON_KIND, source);
    }

    /** A CSV file: its lists and its header are checked before any row is read. */
    @Transactional
    public ActivityView acceptFile(UUID accountId, ImportSource source) {
        memberships.requireLive(accountId, listIds(source.listIds()));
        ImportRowReader reader = new ImportRowReader(customFields.byName(accountId));
        List<String> columns = source.columns();
        if (columns == null || !columns.contains("email")) {
            throw new ValidationFailed("The file must have an email column (the first line names the columns)");
        }
        for (String column : columns) {
            String problem = reader.columnProblem(column);
            if (problem != null) {
                throw new ValidationFailed(problem);
            }
        }
        return accept(accountId, FILE_KIND, source);
    }

    private ActivityView accept(UUID accountId, String kind, ImportSource source) {
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        ImportRowReader reader = new ImportRowReader(customFields.byName(accountId));
        Function<String, String> fingerprints = consent.suppressionFingerprints(accountId);
        UUID activityId = activities.accept(accountId, kind, "{}", 0, now);
        ImportStagingRepository.Rows rows = staging.open(accountId, activityId);
        int[] count = {0};
        int[] failed = {0};
        SeenAddresses seen = new SeenAddresses();
        boolean[] extras = {false};
        try {
            source.forEachRow(row -> {
                int number = ++count[0];
                if (row.problem() != null) {
                    failed[0]++;
                    rows.failed(number, row.problem());
                    return;
                }
                try {
                    ImportRowReader.Read read = reader.read(row.cells());
                    String fingerprint = fingerprints.apply(read.emailKey());
                    seen.add(Long.parseUnsignedLong(fingerprint, 0, 16, 16));
                    extras[0] |= read.extras() != null;
                    rows.staged(number, read, extras(read.extras()), fingerprint, Ids.next());
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
        long staged = System.nanoTime();
        List<UUID> lists = listIds(source.listIds());
        memberships.requireLive(accountId, lists);
        if (count[0] == 0) {
            throw new ValidationFailed("The import must hold at least one contact");
        }
        if (failed[0] > 0) {
            staging.reportRefused(accountId, activityId);
        }
        staging.analyze();
        log.debug(
                "Import {} staged {} rows in {} ms, analysed in {} ms",
                activityId,
                count[0],
                (staged - started) / 1_000_000,
                (System.nanoTime() - staged) / 1_000_000);
        activities.describe(
                accountId,
                activityId,
                json.writeValueAsString(new ImportPayload(lists, !seen.mayRepeat(), !extras[0], fileName(source))),
                lists.size());
        return activities.ready(accountId, activityId, count[0], failed[0]);
    }

    /** The account's imports, newest first, with their file names (kept in the payload). */
    @Transactional(readOnly = true)
    public List<PastImport> past(UUID accountId, @Nullable UUID after, int limit) {
        return activities.pageOfKinds(accountId, KINDS, after, limit).stream()
                .map(activity -> withFileName(accountId, activity))
                .toList();
    }

    /** An import of the account, or 404 (another account's, or another kind of activity). */
    @Transactional(readOnly = true)
    public PastImport get(UUID accountId, UUID activityId) {
        ActivityView activity = activities.get(accountId, activityId);
        if (!KINDS.contains(activity.kind())) {
            throw new io.audience.api.NotFound("No import " + activityId + " in this account");
        }
        return withFileName(accountId, activity);
    }

    private PastImport withFileName(UUID accountId, ActivityView activity) {
        return new PastImport(
                activity,
                activities
                        .payloadOf(accountId, activity.activityId(), activity.kind())
                        .map(payload ->
                                json.readValue(payload, ImportPayload.class).fileName())
                        .orElse(null));
    }

    private static @Nullable String fileName(ImportSource source) {
        String name = source.fileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        String printable = ImportCells.printable(name.strip());
        return printable.length() <= 200 ? printable : printable.substring(0, 200);
    }

    private @Nullable String extras(ImportRowReader.@Nullable Extras extras) {
        return extras == null ? null : json.writeValueAsString(extras);
    }

    private static List<UUID> listIds(List<String> in) {
        if (in.isEmpty() || in.size() > 50) {
            throw new ValidationFailed("list_ids must name 1 to 50 lists");
        }
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            try {
                out.add(UUID.fromString(in.get(i).strip()));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("list_ids[" + i + "] must be a UUID, not " + in.get(i));
            }
        }
        return out;
    }
}
