package io.audience.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The vendor's user roles and the privileges each grants. */
public final class Privileges {

    /** Every privilege that guards an endpoint here: an account owner's or manager's. */
    public static final Set<String> ALL =
            Arrays.stream(Privilege.values()).map(Privilege::wireName).collect(Collectors.toUnmodifiableSet());

    /**
     * The vendor: campaign creators "only have privileges that allow them to create campaigns, edit
     * campaigns, view campaigns, and view contact lists" and "lack the privileges necessary to access
     * contacts, access reports, or modify contact lists". Of those, viewing lists is served here.
     */
    static final Set<String> CAMPAIGN_CREATOR =
            Set.of("campaign:create", "campaign:read", "campaign:write", Privilege.LISTS_READ.wireName());

    public static final Map<String, Set<String>> BY_ROLE = Map.of(
            "account_owner", ALL,
            "account_manager", ALL,
            "campaign_creator", CAMPAIGN_CREATOR);

    private Privileges() {}
}
