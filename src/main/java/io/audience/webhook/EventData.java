package io.audience.webhook;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@code data} of an event recorded in bulk ({@link WebhookEventsInBulk#recordEach}) when it
 * is sent. Implemented by the modules that own what the events tell of (contacts; bounces), so
 * webhooks need not know their shape.
 */
public interface EventData {

    /** The event types this makes the data of; each type has one maker. */
    Set<EventType> types();

    /** The event's data; {@code detail} is what the event was recorded with besides its contact. */
    Object of(UUID accountId, EventType type, UUID contactId, OffsetDateTime occurredAt, @Nullable String detail);
}
