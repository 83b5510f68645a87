package io.audience.account;

import java.util.UUID;

/** Who is calling /v3: the account every query is scoped to, and the token, for the consent record. */
public record Caller(UUID accountId, UUID tokenId) {

    /** The request attribute under which authentication leaves the caller. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    public String actor() {
        return "api_token:" + tokenId;
    }
}
