package io.audience.contact.web;

import io.audience.consent.ConsentChanged;
import io.audience.contact.ContactChanged;
import io.audience.contact.ContactQueries;
import io.audience.contact.Include;
import io.audience.list.ListMembershipChanged;
import io.audience.webhook.EventType;
import io.audience.webhook.WebhookOutbox;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells webhooks of contact, consent and membership changes, synchronously, in the transaction
 * that makes the change (the outbox commits with it or not at all). The contact is sent as the
 * API shows it; an erased contact's event carries its id only, and an erase first takes back every
 * event about the person that is still stored.
 */
@Component
class ContactWebhookEvents {

    private final WebhookOutbox outbox;
    private final ContactQueries queries;

    ContactWebhookEvents(WebhookOutbox outbox, ContactQueries queries) {
        this.outbox = outbox;
        this.queries = queries;
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

    private ContactResource contact(UUID accountId, UUID contactId) {
        return ContactResource.of(queries.get(accountId, contactId, EnumSet.allOf(Include.class)));
    }
}
