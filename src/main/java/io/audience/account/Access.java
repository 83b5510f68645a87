package io.audience.account;

import java.util.Optional;
import java.util.Set;

/**
 * What a request to /v3 needs: a scope of the token and a privilege of the user's role, as the
 * vendor documents them. Answers why a caller may not, or empty when it may.
 */
public final class Access {

    private static final Set<String> LIST_ACTIVITIES = Set.of("/v3/activities/add_list_memberships",
            "/v3/activities/remove_list_memberships", "/v3/activities/list_delete");

    private Access() {}

    public record Need(String scope, String privilege) {}

    public static Need need(String method, String path) {
        boolean reads = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (path.equals("/v3/account") || path.startsWith("/v3/account/")) {
            return reads ? new Need(Scopes.ACCOUNT_READ, Privileges.ACCOUNT_READ)
                    : new Need(Scopes.ACCOUNT_UPDATE, Privileges.ACCOUNT_UPDATE);
        }
        if (path.equals("/v3/contact_lists") || path.startsWith("/v3/contact_lists/") || LIST_ACTIVITIES.contains(path)) {
            return new Need(Scopes.CONTACT_DATA, reads ? Privileges.LISTS_READ : Privileges.LISTS_WRITE);
        }
        if (path.equals("/v3/activities/contact_exports")) {
            return new Need(Scopes.CONTACT_DATA, Privileges.CONTACTS_READ);
        }
        return new Need(Scopes.CONTACT_DATA, reads ? Privileges.CONTACTS_READ : Privileges.CONTACTS_WRITE);
    }

    public static Optional<String> denial(Caller caller, String method, String path) {
        Need need = need(method, path);
        if (!caller.scopes().contains(need.scope())) {
            return Optional.of("This access token lacks the scope " + need.scope() + " that " + method + " " + path
                    + " needs; ask the user to authorise it");
        }
        if (!caller.privileges().contains(need.privilege())) {
            return Optional.of("The user's role lacks the privilege " + need.privilege() + " that " + method + " "
                    + path + " needs");
        }
        return Optional.empty();
    }
}
