package io.audience.feedback.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.feedback.FeedbackService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contact page's "Reset delivery state", as the API's delivery_reset, back to the page. */
@Controller
@ConsolePage(Privilege.CONTACTS_WRITE)
class DeliveryResetPage {

    private final FeedbackService feedback;

    DeliveryResetPage(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/console/contacts/{contactId}/delivery-reset")
    String reset(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = Limits.uuid("contact", contactId);
        Actor actor = new Actor(
                Source.ACCOUNT,
                Channel.UI,
                caller.actor(),
                request.getRemoteAddr(),
                request.getHeader("User-Agent"),
                null);
        feedback.reset(caller.accountId(), id, actor, reason);
        redirect.addFlashAttribute("notice", "Delivery state reset: mail goes to the address again.");
        return "redirect:/console/contacts/" + id;
    }
}
