package io.audience.api;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling /v3: the account every query is scoped to; the actor recorded with consent
 * changes; the key its rate limits count under ({@code tokenKey}, one per API token or per OAuth
 * grant) and, for an OAuth app, the app's ({@code clientId}); what it may do.
 */
public record Caller(
        UUID accountId,
        String actor,
        String tokenKey,
        @Nullable String clientId,
        Set<String> scopes,
        Set<String> privileges) {

    /** The request attribute under which authentication leaves the caller. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    /** An account's API token: issued by the operator, it may do everything in its account. */
    public static Caller apiToken(UUID accountId, UUID tokenId) {
        String key = "api_token:" + tokenId;
        return new Caller(accountId, key, key, null, Scopes.ALL, Privileges.ALL);
    }
}
