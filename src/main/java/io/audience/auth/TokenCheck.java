package io.audience.auth;

import io.audience.api.Caller;
import java.util.UUID;

/** What a presented token turned out to be. */
public sealed interface TokenCheck {

    /** Neither an API token nor an access token that stands: 401. */
    TokenCheck UNKNOWN = new Unknown();

    /** A token that may call as {@code caller}. */
    record Valid(Caller caller) implements TokenCheck {}

    /** A token of an account the operator disabled: refused with 403, saying so. */
    record AccountDisabled(UUID accountId) implements TokenCheck {}

    record Unknown() implements TokenCheck {}
}
