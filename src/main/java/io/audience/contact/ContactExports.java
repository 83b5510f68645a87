package io.audience.contact;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.NotFound;
import io.audience.api.ValidationFailed;
import io.audience.consent.ConsentState;
import io.audience.list.ListMemberships;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact exports: the request is recorded as a completed activity with its filters, and the CSV
 * is produced when it is downloaded, with keyset reads a page at a time, so an export of any size
 * streams in constant memory.
 */
@Service
public class ContactExports {

    static final String KIND = "contact_exports";
    private static final int PAGE = 1000;
    private static final Map<String, Function<ContactView, @Nullable Object>> COLUMNS = columns();

    private final ActivityLog activities;
    private final ContactQueries queries;
    private final ListMemberships memberships;
    private final JsonMapper json;

    ContactExports(ActivityLog activities, ContactQueries queries, ListMemberships memberships, JsonMapper json) {
        this.activities = activities;
        this.queries = queries;
        this.memberships = memberships;
        this.json = json;
    }

    /** What to export, as the vendor's ContactsExport. */
    public record ExportRequest(List<UUID> contactIds, List<UUID> listIds, List<UUID> tagIds, @Nullable String status,
            List<String> fields, List<UUID> excludedIds) {}

    @Transactional
    public ActivityView request(UUID accountId, ExportRequest request) {
        if (request.contactIds().size() > 500 || request.listIds().size() > 50 || request.tagIds().size() > 50
                || request.excludedIds().size() > 50) {
            throw new ValidationFailed("contact_ids takes at most 500 ids; list_ids, tag_ids and exclude.contact_ids 50");
        }
        for (String field : request.fields()) {
            if (!COLUMNS.containsKey(field)) {
                throw new ValidationFailed("fields accepts " + COLUMNS.keySet() + ", not " + field);
            }
        }
        ContactQuery.statuses(request.status());
        memberships.requireLive(accountId, request.listIds());
        return activities.completedWith(accountId, KIND, json.writeValueAsString(request),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Another account's export, or another kind of activity, is a 404: checked before streaming starts. */
    public void requireExport(UUID accountId, UUID activityId) {
        activities.payloadOf(accountId, activityId, KIND)
                .orElseThrow(() -> new NotFound("No contact export " + activityId + " in this account"));
    }

    /** Writes the export's CSV. */
    public void write(UUID accountId, UUID activityId, Writer out) {
        String payload = activities.payloadOf(accountId, activityId, KIND)
                .orElseThrow(() -> new NotFound("No contact export " + activityId + " in this account"));
        ExportRequest request = json.readValue(payload, ExportRequest.class);
        List<String> columns = request.fields().isEmpty() ? new ArrayList<>(COLUMNS.keySet()) : request.fields();
        ContactQuery query = ContactQuery.forExport(ContactQuery.statuses(request.status()),
                new LinkedHashSet<>(request.listIds()), new LinkedHashSet<>(request.tagIds()),
                new LinkedHashSet<>(request.contactIds()), Set.copyOf(request.excludedIds()), PAGE);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                .get())) {
            ContactQueries.ContactPage page = queries.page(accountId, query);
            while (true) {
                for (ContactView contact : page.contacts()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        row.add(COLUMNS.get(column).apply(contact));
                    }
                    csv.printRecord(row);
                }
                if (page.nextAfter() == null) {
                    break;
                }
                page = queries.page(accountId, query.after(page.nextAfter()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Function<ContactView, @Nullable Object>> columns() {
        Map<String, Function<ContactView, @Nullable Object>> c = new LinkedHashMap<>();
        c.put("contact_id", ContactView::contactId);
        c.put("email_address", v -> v.email() == null ? null : v.email().address());
        c.put("first_name", ContactView::firstName);
        c.put("last_name", ContactView::lastName);
        c.put("job_title", ContactView::jobTitle);
        c.put("company_name", ContactView::companyName);
        c.put("birthday_month", ContactView::birthdayMonth);
        c.put("birthday_day", ContactView::birthdayDay);
        c.put("anniversary", ContactView::anniversary);
        c.put("email_permission_status", v -> consent(v, s -> s.permission().wire()));
        c.put("email_optin_source", v -> consent(v, s -> s.optInSource() == null ? null : s.optInSource().wire()));
        c.put("email_optin_date", v -> consent(v, ConsentState::optInDate));
        c.put("email_optout_source", v -> consent(v, s -> s.optOutSource() == null ? null : s.optOutSource().wire()));
        c.put("email_optout_date", v -> consent(v, ConsentState::optOutDate));
        c.put("email_optout_reason", v -> consent(v, ConsentState::optOutReason));
        c.put("created_at", ContactView::createdAt);
        c.put("updated_at", ContactView::updatedAt);
        return c;
    }

    private static @Nullable Object consent(ContactView v, Function<ConsentState, @Nullable Object> get) {
        return v.email() == null ? null : get.apply(v.email().consent());
    }
}
