package io.audience.feedback.web;

import io.audience.api.Caller;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Delivery;
import io.audience.consent.Source;
import io.audience.feedback.FeedbackService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
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

    private final FeedbackService feedback;

    DeliveryResetController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    record ResetBody(@Nullable String reason) {}

    record DeliveryResource(
            UUID contactId,
            String deliveryStatus,
            @Nullable OffsetDateTime bouncedAt,
            @Nullable String bounceReason) {}

    @PostMapping(path = "/v3/contacts/{contact_id}/delivery_reset", consumes = "application/json")
    DeliveryResource reset(
            Caller caller,
            @PathVariable("contact_id") String contactId,
            @RequestBody ResetBody body,
            HttpServletRequest request) {
        UUID id = Limits.uuid("contact", contactId);
        Actor actor = new Actor(
                Source.ACCOUNT,
                Channel.API,
                caller.actor(),
                request.getRemoteAddr(),
                request.getHeader("User-Agent"),
                null);
        Delivery now = feedback.reset(caller.accountId(), id, actor, body.reason());
        return new DeliveryResource(id, now.status().wire(), now.bouncedAt(), now.bounceReason());
    }
}
