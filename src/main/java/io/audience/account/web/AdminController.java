package io.audience.account.web;

import io.audience.account.AccountService;
import io.audience.api.Limits;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints, authorised by the admin token in {@link AuthenticationFilter}. */
@RestController
class AdminController {

    private final AccountService accounts;

    AdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    record CreateAccount(String name) {}

    record ApiTokenIssued(String apiToken) {}

    @PostMapping(path = "/admin/accounts", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    AccountService.NewAccount create(@RequestBody CreateAccount body) {
        return accounts.create(body.name());
    }

    @PostMapping("/admin/accounts/{account_id}/api_tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenIssued issueToken(@PathVariable("account_id") String accountId) {
        UUID id = Limits.uuid("account", accountId);
        return new ApiTokenIssued(accounts.issueToken(id));
    }
}
