package io.audience.contact.web;

import io.audience.api.BoundedIds;
import io.audience.api.Caller;
import io.audience.api.IdLists;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.contact.ContactDraft;
import io.audience.contact.ContactErasure;
import io.audience.contact.ContactQueries;
import io.audience.contact.ContactService;
import io.audience.contact.ContactView;
import io.audience.contact.Include;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Contact writes: create, replace (and revive), delete, and the sign-up form's create-or-update. */
@RestController
@Requires(Privilege.CONTACTS_WRITE)
class ContactController {

    private final ContactService contacts;
    private final ContactErasure erasure;
    private final ContactQueries queries;

    private final SignUpMetrics signUps;

    ContactController(ContactService contacts, ContactErasure erasure, ContactQueries queries, SignUpMetrics signUps) {
        this.contacts = contacts;
        this.signUps = signUps;
        this.erasure = erasure;
        this.queries = queries;
    }

    record SignUpResponse(UUID contactId, String action) {}

    @PostMapping(path = "/v3/contacts", consumes = "application/json")
    ResponseEntity<ContactResource> create(
            Caller caller, @RequestBody ContactRequests.ContactInput body, HttpServletRequest request) {
        ContactDraft draft = ContactValidation.forCreate(body);
        ContactView created = contacts.create(
                caller.accountId(),
                draft,
                RequestActors.of(caller, Source.ACCOUNT, Channel.API, request, "POST /v3/contacts"));
        return ResponseEntity.created(URI.create("/v3/contacts/" + created.contactId()))
                .eTag(created.etag())
                .body(ContactResource.of(created));
    }

    @PutMapping(path = "/v3/contacts/{contact_id}", consumes = "application/json")
    ResponseEntity<ContactResource> update(
            Caller caller,
            @PathVariable("contact_id") String contactId,
            @RequestBody ContactRequests.ContactInput body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        UUID id = Limits.uuid("contact", contactId);
        ContactDraft draft = ContactValidation.forUpdate(body);
        // Consent set through PUT is the account's word, whatever update_source claims; only an
        // opt-out may be recorded as the person's.
        ContactView updated = contacts.update(
                caller.accountId(),
                id,
                draft,
                ifMatch,
                RequestActors.of(caller, draft.source(), Channel.API, request, "PUT /v3/contacts/" + id));
        return ResponseEntity.ok().eTag(updated.etag()).body(ContactResource.of(updated));
    }

    @DeleteMapping("/v3/contacts/{contact_id}")
    ResponseEntity<Void> delete(
            Caller caller, @PathVariable("contact_id") String contactId, HttpServletRequest request) {
        contacts.delete(
                caller.accountId(),
                Limits.uuid("contact", contactId),
                RequestActors.of(caller, Source.ACCOUNT, Channel.API, request, "DELETE /v3/contacts/" + contactId));
        return ResponseEntity.noContent().build();
    }

    record ResubscribeInput(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listIds) {}

    @PutMapping(path = "/v3/contacts/resubscribe/{contact_id}", consumes = "application/json")
    ResponseEntity<ContactResource> resubscribe(
            Caller caller,
            @PathVariable("contact_id") String contactId,
            @RequestBody ResubscribeInput body,
            HttpServletRequest request) {
        UUID id = Limits.uuid("contact", contactId);
        List<UUID> lists = IdLists.listIdsOf("list_ids", body.listIds());
        contacts.resubscribe(
                caller.accountId(),
                id,
                lists,
                RequestActors.of(
                        caller,
                        Source.ACCOUNT,
                        Channel.API,
                        request,
                        "PUT /v3/contacts/resubscribe/" + id + " lists=" + lists));
        ContactView contact = queries.get(caller.accountId(), id, EnumSet.allOf(Include.class));
        return ResponseEntity.ok().eTag(contact.etag()).body(ContactResource.of(contact));
    }

    /** Erase (extension), for a privacy request: the contact is gone; an opt-out stays suppressed. */
    @PostMapping("/v3/contacts/{contact_id}/erase")
    ResponseEntity<Void> erase(
            Caller caller, @PathVariable("contact_id") String contactId, HttpServletRequest request) {
        UUID id = Limits.uuid("contact", contactId);
        erasure.erase(
                caller.accountId(),
                id,
                RequestActors.of(caller, Source.ACCOUNT, Channel.API, request, "POST /v3/contacts/" + id + "/erase"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/v3/contacts/sign_up_form", consumes = "application/json")
    ResponseEntity<SignUpResponse> signUp(
            Caller caller, @RequestBody ContactRequests.SignUpInput body, HttpServletRequest request) {
        ContactDraft draft = ContactValidation.forSignUp(body);
        ContactService.SignUpResult result = contacts.signUp(
                caller.accountId(),
                draft,
                RelayedConsent.actor(caller, request, "sign_up_form lists=" + draft.listMemberships(), body.consent()));
        signUps.accepted("api", result);
        HttpStatus status = result.action() == ContactService.SignUpAction.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .body(new SignUpResponse(
                        result.contactId(), result.action().name().toLowerCase(Locale.ROOT)));
    }
}
