package io.audience.sender.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.sender.SenderAddress;
import io.audience.sender.SenderAddresses;
import io.audience.web.Frame;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's sender addresses in the console: what is confirmed, what waits for its mail's
 * link, and adding one (which mails the link, as {@code POST /v3/account/emails} does). The API
 * removes no sender address, so neither does the console.
 */
@Controller
@ConsolePage(Privilege.ACCOUNT_READ)
class SenderPages {

    private final SenderAddresses senders;

    SenderPages(SenderAddresses senders) {
        this.senders = senders;
    }

    @GetMapping("/console/settings/senders")
    String list(Frame frame, Caller caller, Model model) {
        model.addAttribute("senders", senders.entries(caller.accountId()));
        return "settings/senders";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/senders")
    String add(Caller caller, @RequestParam("email_address") String emailAddress, RedirectAttributes redirect) {
        SenderAddress added = senders.add(caller.accountId(), emailAddress);
        redirect.addFlashAttribute("notice", sent(added));
        return "redirect:/console/settings/senders";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/senders/{email_id}/resend")
    String resend(Caller caller, @PathVariable("email_id") long emailId, RedirectAttributes redirect) {
        SenderAddress again = senders.resend(caller.accountId(), emailId);
        redirect.addFlashAttribute("notice", sent(again));
        return "redirect:/console/settings/senders";
    }

    /** The same limits as every confirmation mail may hold one back; the page must not promise more. */
    private static String sent(SenderAddress address) {
        return "A confirmation link is on its way to " + address.emailAddress()
                + " (unless too many were sent to it lately). It becomes confirmed when someone follows the link.";
    }
}
