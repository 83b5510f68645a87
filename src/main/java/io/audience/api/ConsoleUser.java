package io.audience.api;

import java.util.UUID;

/**
 * The person signed in to the console, as the request gate found them for a {@link ConsolePage}
 * (or null on other pages): what the page frame shows and what the settings pages may offer.
 */
public record ConsoleUser(UUID accountId, UUID userId, String email, String role) {

    /** The request attribute under which the gate leaves the user. */
    public static final String REQUEST_ATTRIBUTE = ConsoleUser.class.getName();

    /** The session attribute that marks a browser signed in with the operator token. */
    public static final String OPERATOR_SESSION_ATTRIBUTE = ConsoleUser.class.getName() + ".operator";

    public boolean owner() {
        return "account_owner".equals(role);
    }

    public boolean may(Privilege privilege) {
        return Privileges.BY_ROLE.getOrDefault(role, java.util.Set.of()).contains(privilege.wireName());
    }

    /** The role as the vendor's UI names it. */
    public String roleName() {
        return switch (role) {
            case "account_owner" -> "Account owner";
            case "account_manager" -> "Account manager";
            case "campaign_creator" -> "Campaign creator";
            default -> role;
        };
    }
}
