package io.audience.auth.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.NotFound;
import io.audience.api.Privilege;
import io.audience.auth.OAuthClients;
import io.audience.web.Frame;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The OAuth apps the account registered: listed without secrets, registered with the operator's
 * rules ({@link OAuthClients#register}; a confidential app's secret shown once, on the next page),
 * and deleted, which ends every grant the app holds.
 */
@Controller
@ConsolePage(Privilege.ACCOUNT_READ)
class AppPages {

    private final OAuthClients apps;

    AppPages(OAuthClients apps) {
        this.apps = apps;
    }

    @GetMapping("/console/settings/apps")
    String list(Frame frame, Caller caller, Model model) {
        model.addAttribute("apps", apps.list(caller.accountId()));
        return "settings/apps";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/apps")
    String register(
            Caller caller,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "redirect_uris", defaultValue = "") String redirectUris,
            @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
            RedirectAttributes redirect) {
        List<String> uris = Arrays.stream(redirectUris.split("\\R"))
                .map(String::strip)
                .filter(uri -> !uri.isEmpty())
                .toList();
        OAuthClients.Registered app =
                apps.register(caller.accountId(), new OAuthClients.NewClient(name, uris, isPublic));
        redirect.addFlashAttribute("registered", app);
        return "redirect:/console/settings/apps";
    }

    /** Asks before deleting: the app's users lose its access at once. */
    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @GetMapping("/console/settings/apps/{client_id}/delete")
    String confirmDelete(Frame frame, Caller caller, @PathVariable("client_id") String clientId, Model model) {
        model.addAttribute("app", find(caller, clientId));
        return "settings/app-delete";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/apps/{client_id}/delete")
    String delete(Caller caller, @PathVariable("client_id") String clientId, RedirectAttributes redirect) {
        OAuthClients.App app = find(caller, clientId);
        apps.delete(caller.accountId(), app.clientId());
        redirect.addFlashAttribute("notice", "The app " + app.name() + " is deleted; its grants have ended.");
        return "redirect:/console/settings/apps";
    }

    private OAuthClients.App find(Caller caller, String clientId) {
        return apps.list(caller.accountId()).stream()
                .filter(app -> app.clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new NotFound("No app " + clientId + " in this account"));
    }
}
