package io.audience.feedback.web;

import io.audience.api.Caller;
import io.audience.api.Conflict;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.contact.ContactQueries;
import io.audience.contact.ContactView;
import io.audience.feedback.FeedbackService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /v3/contacts/{contact_id}/delivery_reset (an extension): the account says mail reaches the
 * contact's address again, and why; recorded in the address's history with who did it.
 */
@RestController
@Requires(Privilege.CONTACTS_WRITE)
class DeliveryResetController {

    private static final int MAX_REASON = 500;

    private final FeedbackService feedback;
    private final ContactQueries contacts;

    DeliveryResetController(FeedbackService feedback, ContactQueries contacts) {
        this.feedback = feedback;
        this.contacts = contacts;
    }

    record ResetBody(@Nullable String reason) {}

    record DeliveryResource(
            UUID contactId,
            String emailAddress,
            String deliveryStatus,
            @Nullable OffsetDateTime bouncedAt,
            @Nullable String bounceReason) {}

    @PostMapping(path = "/v3/contacts/{contact_id}/delivery_reset", consumes = "application/json")
    DeliveryResource reset(
            Caller caller,
            @PathVariable("contact_id") String contactId,
            @RequestBody ResetBody body,
            HttpServletRequest request) {
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw new ValidationFailed("reason is required: say why mail reaches the address again");
        }
        if (reason.length() > MAX_REASON) {
            throw new ValidationFailed("reason must be at most " + MAX_REASON + " characters");
        }
        UUID id = Limits.uuid("contact", contactId);
        ContactView contact = contacts.get(caller.accountId(), id, Set.of());
        ContactView.Email email = contact.email();
        if (email == null) {
            throw new Conflict("The contact " + id + " has no email address; there is no delivery state to reset");
        }
        Actor actor = new Actor(
                Source.ACCOUNT,
                Channel.API,
                caller.actor(),
                request.getRemoteAddr(),
                request.getHeader("User-Agent"),
                null);
        feedback.reset(caller.accountId(), email.key(), id, actor, reason);
        ContactView.Email now = contacts.get(caller.accountId(), id, Set.of()).email();
        if (now == null) {
            throw new Conflict("The contact " + id + " lost its email address meanwhile");
        }
        return new DeliveryResource(
                id,
                now.address(),
                now.delivery().status().wire(),
                now.delivery().bouncedAt(),
                now.delivery().bounceReason());
    }
}
