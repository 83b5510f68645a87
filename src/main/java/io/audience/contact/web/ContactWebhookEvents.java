package io.audience.contact.web;

import io.audience.api.NotFound;
import io.audience.consent.ConsentChanged;
import io.audience.contact.ContactChanged;
import io.audience.contact.ContactQueries;
import io.audience.contact.Include;
import io.audience.list.ListMembershipChanged;
import io.audience.webhook.EventData;
import io.audience.webhook.EventType;
import io.audience.webhook.WebhookOutbox;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells webhooks of contact, consent and membership changes, synchronously, in the transaction
 * that makes the change (the outbox commits with it or not at all). The contact is sent as the
 * API shows it; an erased contact's event carries its id only, and an erase first takes back every
 * event about the person that is still stored.
 */
@Component
class ContactWebhookEvents implements EventData {

    private final WebhookOutbox outbox;
    private final ContactQueries queries;
    private final JsonMapper json;

    ContactWebhookEvents(WebhookOutbox outbox, ContactQueries queries, JsonMapper json) {
        this.outbox = outbox;
        this.queries = queries;
        this.json = json;
    }

    @EventListener
    void on(ContactChanged e) {
        EventType type = switch (e.change()) {
            case CREATED -> EventType.CONTACT_CREATED;
            case UPDATED -> EventType.CONTACT_UPDATED;
            case DELETED -> EventType.CONTACT_DELETED;
            case REVIVED -> EventType.CONTACT_REVIVED;
            case ERASED -> EventType.CONTACT_ERASED;
        };
        if (type == EventType.CONTACT_ERASED) {
            outbox.forget(e.accountId(), e.contactId());
            outbox.record(e.accountId(), type, e.contactId(), e.at(), () -> Map.of("contact_id", e.contactId()));
            return;
        }
        outbox.record(e.accountId(), type, e.contactId(), e.at(), () -> contact(e.accountId(), e.contactId()));
    }

    @EventListener
    void on(ConsentChanged e) {
        // An address-wide change (an opt-out by link) names no contact: it belongs to the address's
        // contact, so it is ordered with that contact's events and an erase takes it back too.
        UUID contactId = e.entry().contactId() != null
                ? e.entry().contactId()
                : queries.contactIdOf(e.accountId(), e.emailKey()).orElse(null);
        outbox.record(
                e.accountId(), EventType.CONSENT_CHANGED, contactId, e.entry().occurredAt(), () -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("contact_id", contactId);
                    data.put("email_address", e.emailKey());
                    data.put("change", ContactReadController.event(e.entry()));
                    return data;
                });
    }

    @EventListener
    void on(ListMembershipChanged e) {
        membership(e, EventType.LIST_MEMBERSHIP_ADDED, e.added());
        membership(e, EventType.LIST_MEMBERSHIP_REMOVED, e.removed());
    }

    private void membership(ListMembershipChanged e, EventType type, Set<UUID> lists) {
        if (lists.isEmpty()) {
            return;
        }
        outbox.record(
                e.accountId(),
                type,
                e.contactId(),
                e.at(),
                () -> Map.of(
                        "contact_id", e.contactId(),
                        "list_ids", List.copyOf(lists),
                        "contact", contact(e.accountId(), e.contactId())));
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(
                EventType.CONTACT_CREATED,
                EventType.CONTACT_UPDATED,
                EventType.CONTACT_REVIVED,
                EventType.CONSENT_CHANGED,
                EventType.LIST_MEMBERSHIP_ADDED,
                EventType.LIST_MEMBERSHIP_REMOVED);
    }

    /**
     * The data of an event an import recorded, made when it is sent: the contact as it is then; the
     * history entry written with the change (at the event's time); the lists the row added.
     */
    @Override
    public Object of(UUID accountId, EventType type, UUID contactId, OffsetDateTime at, @Nullable String detail) {
        try {
            return switch (type) {
                case CONSENT_CHANGED -> consentChange(accountId, contactId, at);
                case LIST_MEMBERSHIP_ADDED, LIST_MEMBERSHIP_REMOVED ->
                    Map.of(
                            "contact_id",
                            contactId,
                            "list_ids",
                            detail == null ? List.of() : json.readValue(detail, UUID[].class),
                            "contact",
                            contact(accountId, contactId));
                default -> contact(accountId, contactId);
            };
        } catch (NotFound e) {
            // Erased since: the erase took its events back, this one was already taken to be sent.
            return Map.of("contact_id", contactId);
        }
    }

    private Map<String, Object> consentChange(UUID accountId, UUID contactId, OffsetDateTime at) {
        ContactQueries.ConsentHistory history = queries.consentHistory(accountId, contactId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_id", contactId);
        data.put(
                "email_address",
                history.contact().email() == null
                        ? null
                        : history.contact().email().key());
        history.events().stream()
                .filter(entry -> contactId.equals(entry.contactId())
                        && entry.occurredAt().isEqual(at))
                .findFirst()
                .ifPresent(entry -> data.put("change", ContactReadController.event(entry)));
        return data;
    }

    private ContactResource contact(UUID accountId, UUID contactId) {
        return ContactResource.of(queries.get(accountId, contactId, EnumSet.allOf(Include.class)));
    }
}
