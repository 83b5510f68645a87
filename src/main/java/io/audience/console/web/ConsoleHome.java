package io.audience.console.web;

import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.web.Frame;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where sign-in lands: the dashboard, or the lists for a role that may not see contacts. */
@Controller
@ConsolePage(Privilege.LISTS_READ)
class ConsoleHome {

    @GetMapping("/console")
    String home(Frame frame) {
        return frame.may(Privilege.CONTACTS_READ) ? "redirect:/console/dashboard" : "redirect:/console/lists";
    }
}
