package io.audience.contact.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.api.Caller;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.Links;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.Unsupported;
import io.audience.api.ValidationFailed;
import io.audience.consent.ConsentEvent;
import io.audience.consent.DeliveryStatus;
import io.audience.consent.EmailAddresses;
import io.audience.contact.ContactCounts;
import io.audience.contact.ContactQueries;
import io.audience.contact.ContactQuery;
import io.audience.contact.ContactView;
import io.audience.contact.Include;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Requires(Privilege.CONTACTS_READ)
class ContactReadController {

    private static final String COLLECTION = "contacts";

    private final ContactQueries queries;

    ContactReadController(ContactQueries queries) {
        this.queries = queries;
    }

    record Contacts(
            List<ContactResource> contacts,
            @Nullable Integer contactsCount,
            @JsonProperty("_links") @Nullable Map<String, Map<String, String>> links) {}

    record HistoryEvent(
            UUID eventId,
            OffsetDateTime occurredAt,
            @Nullable UUID contactId,
            @Nullable String fromPermission,
            String toPermission,
            String source,
            String channel,
            String actor,
            @Nullable String ip,
            @Nullable String userAgent,
            @Nullable String evidence,
            @Nullable String consentText,
            @Nullable String pageUrl,
            @Nullable UUID listId,
            @Nullable UUID formId,
            @Nullable Integer formVersion) {}

    record ConsentHistory(UUID contactId, @Nullable String emailAddress, List<HistoryEvent> events) {}

    @GetMapping("/v3/contacts/{contact_id}")
    ResponseEntity<ContactResource> get(
            Caller caller,
            @PathVariable("contact_id") String contactId,
            @RequestParam(required = false) String include) {
        Set<Include> includes = Include.parse(include);
        ContactView contact = queries.get(caller.accountId(), Limits.uuid("contact", contactId), includes);
        return ResponseEntity.ok().eTag(contact.etag()).body(ContactResource.of(contact));
    }

    @GetMapping("/v3/contacts")
    Contacts list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String lists,
            @RequestParam(required = false) String tags,
            @RequestParam(name = "updated_after", required = false) String updatedAfter,
            @RequestParam(name = "updated_before", required = false) String updatedBefore,
            @RequestParam(name = "created_after", required = false) String createdAfter,
            @RequestParam(name = "created_before", required = false) String createdBefore,
            @RequestParam(name = "optout_after", required = false) String optoutAfter,
            @RequestParam(name = "optout_before", required = false) String optoutBefore,
            @RequestParam(name = "delivery_status", required = false) @Nullable String deliveryStatus,
            @RequestParam(required = false) String include,
            @RequestParam(name = "include_count", required = false) Boolean includeCount,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "segment_id", required = false) @Nullable String segmentId,
            @RequestParam(name = "sms_status", required = false) @Nullable String smsStatus) {
        Unsupported.refuse("segment_id", segmentId != null, "Audience has no segments");
        Unsupported.refuse(
                "sms_status",
                smsStatus != null && !smsStatus.strip().equals("all"),
                "SMS is not part of Audience (only sms_status=all is accepted)");
        Set<Include> includes = Include.parse(include);
        ContactQuery query = new ContactQuery(
                ContactQuery.statuses(status),
                email == null || email.isBlank() ? null : EmailAddresses.key("email", email),
                ids("lists", lists, 25),
                ids("tags", tags, 50),
                Set.of(),
                Set.of(),
                ContactQuery.instant("updated_after", updatedAfter),
                ContactQuery.instant("updated_before", updatedBefore),
                ContactQuery.instant("created_after", createdAfter),
                ContactQuery.instant("created_before", createdBefore),
                ContactQuery.instant("optout_after", optoutAfter),
                ContactQuery.instant("optout_before", optoutBefore),
                deliveryStatus == null || deliveryStatus.isBlank()
                        ? null
                        : DeliveryStatus.fromWire("delivery_status", deliveryStatus.strip()),
                includes,
                Boolean.TRUE.equals(includeCount),
                Limits.pageSize(limit, 500),
                cursor == null ? null : Cursor.decode(COLLECTION, cursor));
        ContactQueries.ContactPage page = query.addressOnly()
                ? queries.byAddress(caller.accountId(), Objects.requireNonNull(query.emailKey()))
                : queries.page(caller.accountId(), query);
        return new Contacts(
                page.contacts().stream().map(ContactResource::of).toList(),
                page.count(),
                page.nextAfter() == null ? null : Links.next(new Cursor(COLLECTION, page.nextAfter())));
    }

    @GetMapping("/v3/contacts/counts")
    ContactCounts counts(Caller caller, @RequestParam(required = false) String include) {
        boolean newSubscribers = false;
        if (include != null && !include.isBlank()) {
            if (!include.strip().equals("new_subscriber")) {
                throw new ValidationFailed("include accepts only new_subscriber, not " + include);
            }
            newSubscribers = true;
        }
        return queries.counts(caller.accountId(), newSubscribers);
    }

    @GetMapping("/v3/contacts/{contact_id}/consent_history")
    ConsentHistory consentHistory(Caller caller, @PathVariable("contact_id") String contactId) {
        ContactQueries.ConsentHistory history =
                queries.consentHistory(caller.accountId(), Limits.uuid("contact", contactId));
        ContactView contact = history.contact();
        return new ConsentHistory(
                contact.contactId(),
                contact.email() == null ? null : contact.email().address(),
                history.events().stream().map(ContactReadController::event).toList());
    }

    static HistoryEvent event(ConsentEvent e) {
        return new HistoryEvent(
                e.eventId(),
                e.occurredAt(),
                e.contactId(),
                e.from() == null ? null : e.from().wire(),
                e.to().wire(),
                e.source().wire(),
                e.channel().wire(),
                e.actor(),
                e.ip(),
                e.userAgent(),
                e.evidence(),
                e.statement() == null ? null : e.statement().consentText(),
                e.statement() == null ? null : e.statement().pageUrl(),
                e.listId(),
                e.statement() == null ? null : e.statement().formId(),
                e.statement() == null ? null : e.statement().formVersion());
    }

    private static Set<UUID> ids(String name, @Nullable String csv, int max) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (csv == null || csv.isBlank()) {
            return ids;
        }
        String[] parts = csv.split(",");
        if (parts.length > max) {
            throw new ValidationFailed(name + " takes at most " + max + " ids, not " + parts.length);
        }
        for (String part : parts) {
            try {
                ids.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed(name + " must be comma-separated ids; " + part.strip() + " is not one");
            }
        }
        return ids;
    }
}
