package io.audience.account.web;

import io.audience.account.AccountSettings;
import io.audience.account.AccountSettingsService;
import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.web.Frame;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's settings page: confirmed opt-in, and the way to the other settings. */
@Controller
@ConsolePage(Privilege.ACCOUNT_READ)
class SettingsPages {

    private final AccountSettingsService settings;

    SettingsPages(AccountSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/console/settings")
    String show(Frame frame, Caller caller, Model model) {
        AccountSettings current = settings.get(caller.accountId());
        model.addAttribute("settings", current);
        return "settings/general";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/confirmed-opt-in")
    String confirmedOptIn(Caller caller, @RequestParam boolean enabled, RedirectAttributes redirect) {
        settings.changeConfirmedOptIn(caller.accountId(), enabled);
        redirect.addFlashAttribute("notice", enabled ? "Confirmed opt-in is on." : "Confirmed opt-in is off.");
        return "redirect:/console/settings";
    }
}
