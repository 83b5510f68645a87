package io.audience.auth.web;

import io.audience.api.Privilege;
import org.jspecify.annotations.Nullable;

/**
 * Who may reach a request's handler: anyone, the operator, or a caller of an account's API with a
 * privilege. {@code route} is the handler's pattern (or the path, when no handler answers), for
 * messages.
 */
record Policy(Kind kind, @Nullable Privilege privilege, String route) {

    enum Kind {
        ANYONE,
        OPERATOR,
        ACCOUNT
    }

    static Policy anyone(String route) {
        return new Policy(Kind.ANYONE, null, route);
    }

    static Policy operator(String route) {
        return new Policy(Kind.OPERATOR, null, route);
    }

    static Policy account(Privilege privilege, String route) {
        return new Policy(Kind.ACCOUNT, privilege, route);
    }
}
