package io.audience.auth.web;

import io.audience.api.Privilege;
import org.jspecify.annotations.Nullable;

/**
 * Who may reach a request's handler: anyone, the operator, a caller of an account's API with a
 * privilege, a person signed in to the console whose role grants a privilege, or the operator
 * signed in to the console. {@code route} is the handler's pattern (or the path, when no handler answers), for
 * messages.
 */
record Policy(Kind kind, @Nullable Privilege privilege, String route) {

    enum Kind {
        ANYONE,
        OPERATOR,
        ACCOUNT,
        CONSOLE,
        OPERATOR_CONSOLE
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

    static Policy console(Privilege privilege, String route) {
        return new Policy(Kind.CONSOLE, privilege, route);
    }

    static Policy operatorConsole(String route) {
        return new Policy(Kind.OPERATOR_CONSOLE, null, route);
    }

    /** Whether the handler may take the {@link io.audience.api.Caller} of an account. */
    boolean hasCaller() {
        return kind == Kind.ACCOUNT || kind == Kind.CONSOLE;
    }
}
