package io.audience.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.api.Limits;
import io.audience.api.OperatorOnly;
import io.audience.auth.AccountUser;
import io.audience.auth.AccountUsers;
import io.audience.auth.OAuthClients;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints for an account's users and apps, authorised by the admin token. */
@RestController
@OperatorOnly
class SignInAdminController {

    private final AccountUsers users;
    private final OAuthClients clients;

    SignInAdminController(AccountUsers users, OAuthClients clients) {
        this.users = users;
        this.clients = clients;
    }

    record UserBody(
            @Nullable String email,
            @Nullable String password,
            @Nullable String role) {}

    record UserCreated(UUID userId, UUID accountId, String email, String role, Set<String> privileges) {}

    record ClientBody(
            @Nullable String name,
            @Nullable List<String> redirectUris,
            @JsonProperty("public") @Nullable Boolean isPublic) {}

    /** The secret is shown once, here, and only to a confidential app. */
    record ClientRegistered(
            String clientId,
            @Nullable String clientSecret,
            String name,
            List<String> redirectUris,
            @JsonProperty("public") boolean isPublic,
            Set<String> scopes) {}

    @PostMapping(path = "/admin/accounts/{account_id}/users", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    UserCreated createUser(@PathVariable("account_id") String accountId, @RequestBody UserBody body) {
        AccountUser user = users.create(
                Limits.uuid("account", accountId),
                new AccountUsers.NewUser(body.email(), body.password(), body.role()));
        return new UserCreated(
                user.userId(),
                user.accountId(),
                user.emailAddress(),
                user.role(),
                new java.util.TreeSet<>(user.privileges()));
    }

    @PostMapping(path = "/admin/accounts/{account_id}/oauth_clients", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    ClientRegistered registerClient(@PathVariable("account_id") String accountId, @RequestBody ClientBody body) {
        OAuthClients.Registered client = clients.register(
                Limits.uuid("account", accountId),
                new OAuthClients.NewClient(body.name(), body.redirectUris(), body.isPublic()));
        return new ClientRegistered(
                client.clientId(),
                client.clientSecret(),
                client.name(),
                client.redirectUris(),
                client.isPublic(),
                new java.util.TreeSet<>(client.scopes()));
    }
}
