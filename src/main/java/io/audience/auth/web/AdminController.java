package io.audience.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.account.AccountService;
import io.audience.account.AccountView;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.Links;
import io.audience.api.OperatorOnly;
import io.audience.api.ValidationFailed;
import io.audience.auth.ApiTokenView;
import io.audience.auth.ApiTokens;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's accounts and their API tokens. */
@RestController
@OperatorOnly
class AdminController {

    private static final String COLLECTION = "accounts";

    private final AccountService accounts;
    private final ApiTokens tokens;

    AdminController(AccountService accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record CreateAccount(@Nullable String name) {}

    /** The new account and its first API token, shown once. */
    record NewAccount(UUID accountId, String name, String apiToken) {}

    record AccountChange(@Nullable String name, @Nullable Boolean disabled) {}

    record Account(
            UUID accountId,
            String name,
            OffsetDateTime createdAt,
            boolean disabled,
            @Nullable OffsetDateTime disabledAt) {}

    record Accounts(
            List<Account> accounts,
            @JsonProperty("_links") @Nullable Map<String, Map<String, String>> links) {}

    record ApiToken(
            UUID tokenId,
            @Nullable String prefix,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime lastUsedAt,
            @Nullable OffsetDateTime revokedAt) {}

    record TokenList(List<ApiToken> apiTokens) {}

    record ApiTokenIssued(UUID tokenId, String apiToken, String prefix, OffsetDateTime createdAt) {}

    @PostMapping(path = "/admin/accounts", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    NewAccount create(@RequestBody CreateAccount body) {
        ApiTokens.NewAccount created = tokens.createAccount(body.name());
        return new NewAccount(created.accountId(), created.name(), created.apiToken());
    }

    @GetMapping("/admin/accounts")
    Accounts list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Limits.pageSize(limit, 500);
        UUID after = cursor == null ? null : Cursor.decode(COLLECTION, cursor).after();
        List<AccountView> page = accounts.page(after, size + 1);
        List<Account> shown =
                page.stream().limit(size).map(AdminController::wire).toList();
        return new Accounts(
                shown,
                page.size() > size
                        ? Links.next(new Cursor(
                                COLLECTION, shown.get(shown.size() - 1).accountId()))
                        : null);
    }

    @GetMapping("/admin/accounts/{account_id}")
    Account get(@PathVariable("account_id") String accountId) {
        return wire(accounts.get(Limits.uuid("account", accountId)));
    }

    @PatchMapping(path = "/admin/accounts/{account_id}", consumes = "application/json")
    Account change(@PathVariable("account_id") String accountId, @RequestBody AccountChange body) {
        if (body.name() == null && body.disabled() == null) {
            throw new ValidationFailed("Send name, disabled (true or false), or both");
        }
        UUID id = Limits.uuid("account", accountId);
        return wire(accounts.change(id, new AccountService.AccountChange(body.name(), body.disabled())));
    }

    @GetMapping("/admin/accounts/{account_id}/api_tokens")
    TokenList tokens(@PathVariable("account_id") String accountId) {
        return new TokenList(tokens.list(Limits.uuid("account", accountId)).stream()
                .map(AdminController::wire)
                .toList());
    }

    @PostMapping("/admin/accounts/{account_id}/api_tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenIssued issueToken(@PathVariable("account_id") String accountId) {
        ApiTokens.IssuedToken issued = tokens.issue(Limits.uuid("account", accountId));
        return new ApiTokenIssued(issued.tokenId(), issued.apiToken(), issued.prefix(), issued.createdAt());
    }

    @DeleteMapping("/admin/accounts/{account_id}/api_tokens/{token_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable("account_id") String accountId, @PathVariable("token_id") String tokenId) {
        tokens.revoke(Limits.uuid("account", accountId), Limits.uuid("API token", tokenId));
    }

    private static Account wire(AccountView account) {
        return new Account(
                account.accountId(), account.name(), account.createdAt(), account.disabled(), account.disabledAt());
    }

    private static ApiToken wire(ApiTokenView token) {
        return new ApiToken(token.tokenId(), token.prefix(), token.createdAt(), token.lastUsedAt(), token.revokedAt());
    }
}
