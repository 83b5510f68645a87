package io.audience.auth;

import io.audience.api.Caller;
import io.audience.api.Privilege;
import java.util.Optional;

/**
 * Whether a caller may use an endpoint that needs a privilege: its token needs the privilege's
 * scope, and its user's role the privilege (an API token has every scope and privilege of its
 * account). Answers why not, or empty when it may.
 */
public final class Access {

    private Access() {}

    public static Optional<String> denial(Caller caller, Privilege needed, String method, String route) {
        if (!caller.scopes().contains(needed.scope())) {
            return Optional.of("This access token lacks the scope " + needed.scope() + " that " + method + " " + route
                    + " needs; ask the user to authorise it");
        }
        if (!caller.privileges().contains(needed.wireName())) {
            return Optional.of("The user's role lacks the privilege " + needed.wireName() + " that " + method + " "
                    + route + " needs");
        }
        return Optional.empty();
    }
}
