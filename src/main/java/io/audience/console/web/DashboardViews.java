package io.audience.console.web;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.consent.AddressEvent;
import io.audience.consent.ConsentEvent;
import io.audience.consent.ConsentReports;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.contact.ContactStatistics;
import io.audience.webhook.Webhooks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads the dashboard's numbers from the modules that own them and puts them in words. */
@Component
class DashboardViews {

    static final int DAYS = 90;
    static final int EVENTS = 20;
    static final int ACTIVITIES = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
    private static final Map<String, String> KINDS = Map.of(
            "contacts_json_import", "Import",
            "contacts_file_import", "Import (file)",
            "contact_exports", "Export",
            "contact_delete", "Delete contacts",
            "add_list_memberships", "Add to lists",
            "remove_list_memberships", "Remove from lists",
            "contacts_taggings_add", "Tag contacts",
            "contacts_taggings_remove", "Untag contacts",
            "list_delete", "Delete lists",
            "contacts_tags_delete", "Delete tags");

    private final ContactStatistics contacts;
    private final ConsentReports consent;
    private final ActivityLog activities;
    private final Webhooks webhooks;
    private final Clock clock;

    DashboardViews(
            ContactStatistics contacts,
            ConsentReports consent,
            ActivityLog activities,
            Webhooks webhooks,
            Clock clock) {
        this.contacts = contacts;
        this.consent = consent;
        this.activities = activities;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    DashboardView dashboard(UUID accountId) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDate today = now.toLocalDate();
        OffsetDateTime since = today.minusDays(DAYS - 1L).atStartOfDay().atOffset(ZoneOffset.UTC);
        ContactStatistics.PerDay perDay = contacts.perDay(accountId, since);
        ChartView chart =
                DailyChart.of(today, DAYS, perDay.created(), consent.optOutsPerDay(accountId, since), perDay.deleted());
        return new DashboardView(
                contacts.byState(accountId),
                chart,
                events(accountId),
                activities(accountId),
                disabledWebhooks(accountId),
                now.format(WHEN));
    }

    /** Only those Audience disabled (they have a reason), not those the account turned off itself. */
    private List<DashboardView.DisabledWebhook> disabledWebhooks(UUID accountId) {
        return webhooks.list(accountId).stream()
                .filter(w -> !w.enabled() && w.disabledReason() != null)
                .map(w -> new DashboardView.DisabledWebhook(
                        w.webhookId(),
                        w.description() != null ? w.description() : w.url(),
                        java.util.Objects.requireNonNull(w.disabledReason())))
                .toList();
    }

    List<DashboardView.ActivityRow> activities(UUID accountId) {
        return activities.unfinished(accountId, ACTIVITIES).stream()
                .map(DashboardViews::activity)
                .toList();
    }

    private List<DashboardView.EventRow> events(UUID accountId) {
        List<AddressEvent> latest = consent.latest(accountId, EVENTS);
        Set<UUID> existing = contacts.existing(
                accountId,
                latest.stream()
                        .map(e -> e.event().contactId())
                        .filter(java.util.Objects::nonNull)
                        .toList());
        return latest.stream()
                .map(e -> {
                    ConsentEvent event = e.event();
                    UUID contact = event.contactId();
                    return new DashboardView.EventRow(
                            event.occurredAt().atZoneSameInstant(ZoneOffset.UTC).format(WHEN),
                            e.emailKey(),
                            contact != null && existing.contains(contact) ? contact : null,
                            change(event),
                            (event.source() == Source.CONTACT ? "the person" : "the account") + ", by "
                                    + event.channel().wire(),
                            event.actor());
                })
                .toList();
    }

    private static String change(ConsentEvent event) {
        Permission from = event.from();
        return from == null ? "new address: " + words(event.to()) : words(from) + " → " + words(event.to());
    }

    private static String words(Permission permission) {
        return permission.wire().replace('_', ' ');
    }

    private static DashboardView.ActivityRow activity(ActivityView a) {
        int total = a.counters().itemsTotalCount();
        int done = a.counters().itemsCompletedCount();
        int percent = total > 0 ? (int) (100L * done / total) : a.percentDone();
        String label = KINDS.getOrDefault(a.kind(), a.kind().replace('_', ' '));
        String link = a.kind().endsWith("_import") ? "/console/imports/" + a.activityId() : null;
        return new DashboardView.ActivityRow(
                a.activityId(), label, a.state(), Math.min(100, Math.max(0, percent)), done, total, link);
    }
}
