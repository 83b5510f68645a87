package io.audience.console.web;

import io.audience.contact.ContactsByState;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything the dashboard shows, ready for its template. */
public record DashboardView(
        ContactsByState counts,
        ChartView chart,
        List<EventRow> events,
        List<ActivityRow> activities,
        List<DisabledWebhook> disabledWebhooks,
        String asOf) {

    /** A webhook Audience disabled after its endpoint failed for days: the account must hear of it where it looks. */
    public record DisabledWebhook(UUID id, String name, String reason) {}

    /**
     * One consent change: when (UTC), the address, the contact to link to (null when the contact
     * is gone), the change in words, through what, and who made it.
     */
    public record EventRow(
            String when, String address, @Nullable UUID contactId, String change, String through, String who) {}

    /**
     * An activity not finished: what it is, its state, how far (percent, rows done of the total),
     * and its console page if it has one.
     */
    public record ActivityRow(
            UUID id,
            String label,
            String state,
            int percent,
            int done,
            int total,
            @Nullable String link) {}
}
