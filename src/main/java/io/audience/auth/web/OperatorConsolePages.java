package io.audience.auth.web;

import io.audience.account.AccountService;
import io.audience.account.AccountView;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.OperatorConsole;
import io.audience.auth.AccountUser;
import io.audience.auth.AccountUsers;
import io.audience.auth.ApiTokens;
import io.audience.web.Frame;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's console: the accounts, and for each its state and API tokens, through the same
 * services as the operator's /admin endpoints. A new token's secret travels to the next page as a
 * flash attribute, so it is shown once and is gone from the session after that page.
 */
@Controller
@OperatorConsole
class OperatorConsolePages {

    private static final String COLLECTION = "accounts";
    private static final int PAGE_SIZE = 100;

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final AccountUsers users;

    OperatorConsolePages(AccountService accounts, ApiTokens tokens, AccountUsers users) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping("/console/operator")
    String accounts(Frame frame, Model model, @RequestParam(required = false) @Nullable String cursor) {
        List<AccountView> page = accounts.page(
                cursor == null ? null : Cursor.decode(COLLECTION, cursor).after(), PAGE_SIZE + 1);
        List<AccountView> shown = page.stream().limit(PAGE_SIZE).toList();
        List<UUID> ids = shown.stream().map(AccountView::accountId).toList();
        Map<UUID, Integer> userCounts = users.counts(ids);
        Map<UUID, Integer> tokenCounts = tokens.liveCounts(ids);
        model.addAttribute(
                "accounts",
                shown.stream()
                        .map(a -> new OperatorAccountRow(
                                a,
                                userCounts.getOrDefault(a.accountId(), 0),
                                tokenCounts.getOrDefault(a.accountId(), 0)))
                        .toList());
        model.addAttribute(
                "next",
                page.size() > PAGE_SIZE
                        ? new Cursor(COLLECTION, shown.get(shown.size() - 1).accountId()).encode()
                        : null);
        return "operator/accounts";
    }

    @PostMapping("/console/operator/accounts")
    String create(@RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        ApiTokens.NewAccount created = tokens.createAccount(name);
        flash.addFlashAttribute("notice", "The account \"" + created.name() + "\" was created.");
        flash.addFlashAttribute("secret", new ShownOnceToken(created.apiToken()));
        return "redirect:/console/operator/accounts/" + created.accountId();
    }

    @GetMapping("/console/operator/accounts/{accountId}")
    String account(Frame frame, Model model, @PathVariable String accountId) {
        UUID id = id(accountId);
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("tokens", tokens.list(id));
        model.addAttribute("users", users.counts(List.of(id)).getOrDefault(id, 0));
        return "operator/account";
    }

    @PostMapping("/console/operator/accounts/{accountId}/disable")
    String disable(@PathVariable String accountId, RedirectAttributes flash) {
        AccountView account = accounts.change(id(accountId), new AccountService.AccountChange(null, true));
        flash.addFlashAttribute(
                "notice",
                "The account is disabled: its API tokens, users and apps are refused until it is enabled again.");
        return "redirect:/console/operator/accounts/" + account.accountId();
    }

    @PostMapping("/console/operator/accounts/{accountId}/enable")
    String enable(@PathVariable String accountId, RedirectAttributes flash) {
        AccountView account = accounts.change(id(accountId), new AccountService.AccountChange(null, false));
        flash.addFlashAttribute("notice", "The account is enabled: its API tokens, users and apps are admitted.");
        return "redirect:/console/operator/accounts/" + account.accountId();
    }

    @PostMapping("/console/operator/accounts/{accountId}/tokens")
    String issue(@PathVariable String accountId, RedirectAttributes flash) {
        UUID id = id(accountId);
        ApiTokens.IssuedToken issued = tokens.issue(id);
        flash.addFlashAttribute("notice", "A new API token was issued.");
        flash.addFlashAttribute("secret", new ShownOnceToken(issued.apiToken()));
        return "redirect:/console/operator/accounts/" + id;
    }

    @PostMapping("/console/operator/accounts/{accountId}/tokens/{tokenId}/revoke")
    String revoke(@PathVariable String accountId, @PathVariable String tokenId, RedirectAttributes flash) {
        UUID id = id(accountId);
        tokens.revoke(id, Limits.uuid("API token", tokenId));
        flash.addFlashAttribute("notice", "The API token was revoked; requests with it are refused from now on.");
        return "redirect:/console/operator/accounts/" + id;
    }

    /** The account's first console user is made here (or with POST /admin/accounts/{id}/users). */
    @PostMapping("/console/operator/accounts/{accountId}/users")
    String createUser(
            @PathVariable String accountId,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String role,
            RedirectAttributes flash) {
        UUID id = id(accountId);
        AccountUser user = users.create(id, new AccountUsers.NewUser(email, password, role));
        flash.addFlashAttribute(
                "notice", user.emailAddress() + " (" + user.role() + ") can now sign in to the console at /login.");
        return "redirect:/console/operator/accounts/" + id;
    }

    private static UUID id(String accountId) {
        return Limits.uuid("account", accountId);
    }
}
