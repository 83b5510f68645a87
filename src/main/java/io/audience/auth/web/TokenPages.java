package io.audience.auth.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Limits;
import io.audience.api.NotFound;
import io.audience.api.Privilege;
import io.audience.auth.ApiTokenView;
import io.audience.auth.ApiTokens;
import io.audience.web.Frame;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's API tokens in the console, for its owners and managers (account:update): the
 * list never shows a secret; a new token's secret is shown once, on the page after creating it
 * (a flash attribute lives for exactly that one request), and only its hash is kept.
 */
@Controller
@ConsolePage(Privilege.ACCOUNT_READ)
class TokenPages {

    private final ApiTokens tokens;

    TokenPages(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/console/settings/tokens")
    String list(Frame frame, Caller caller, Model model) {
        model.addAttribute("tokens", tokens.list(caller.accountId()));
        return "settings/tokens";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/tokens")
    String create(Caller caller, RedirectAttributes redirect) {
        ApiTokens.IssuedToken issued = tokens.issue(caller.accountId());
        redirect.addFlashAttribute("issued", issued);
        return "redirect:/console/settings/tokens";
    }

    /** Asks before revoking: a revoked token is refused everywhere and cannot be brought back. */
    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @GetMapping("/console/settings/tokens/{token_id}/revoke")
    String confirmRevoke(Frame frame, Caller caller, @PathVariable("token_id") String tokenId, Model model) {
        model.addAttribute("token", find(caller, tokenId));
        return "settings/token-revoke";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/tokens/{token_id}/revoke")
    String revoke(Caller caller, @PathVariable("token_id") String tokenId, RedirectAttributes redirect) {
        ApiTokenView token = find(caller, tokenId);
        tokens.revoke(caller.accountId(), token.tokenId());
        redirect.addFlashAttribute("notice", "The token " + label(token) + " is revoked.");
        return "redirect:/console/settings/tokens";
    }

    private ApiTokenView find(Caller caller, String tokenId) {
        UUID id = Limits.uuid("API token", tokenId);
        return tokens.list(caller.accountId()).stream()
                .filter(token -> token.tokenId().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("No API token " + id + " in this account"));
    }

    private static String label(ApiTokenView token) {
        return token.prefix() == null ? token.tokenId().toString() : token.prefix() + "…";
    }
}
