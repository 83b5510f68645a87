package io.audience.feedback.suppression;

import io.audience.consent.DeliveryStatus;
import io.audience.webhook.EventData;
import io.audience.webhook.EventType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of a {@code delivery.bounced} event a suppression import recorded, in the shape a
 * provider's bounce report is told: the imported row is a hard bounce, source {@code import}, that
 * made the address bounced at the row's time. Recorded with the address and that time only.
 */
@Component
class ImportedBounces implements EventData {

    private final JsonMapper json;

    ImportedBounces(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Set<EventType> types() {
        return Set.of(EventType.DELIVERY_BOUNCED);
    }

    @Override
    public Object of(UUID accountId, EventType type, UUID contactId, OffsetDateTime at, @Nullable String detail) {
        String[] row = json.readValue(detail == null ? "[null, null]" : detail, String[].class);
        OffsetDateTime occurredAt = row[1] == null ? at : OffsetDateTime.parse(row[1]);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_id", contactId);
        data.put("email_address", row[0]);
        data.put("bounce_type", "hard");
        data.put("source", "import");
        data.put("status", null);
        data.put("diagnostic", SuppressionChunkRepository.BOUNCE_REASON);
        data.put("occurred_at", occurredAt);
        data.put("delivery_status", DeliveryStatus.BOUNCED.wire());
        data.put("bounced_at", occurredAt);
        data.put("bounce_reason", SuppressionChunkRepository.BOUNCE_REASON);
        return data;
    }
}
