package io.audience.account;

import java.util.Map;
import java.util.Set;

/** The vendor's user roles and the privileges each grants. */
public final class Privileges {

    public static final String CONTACTS_READ = "contacts:read";
    public static final String CONTACTS_WRITE = "contacts:write";
    public static final String LISTS_READ = "contacts:lists:read";
    public static final String LISTS_WRITE = "contacts:lists:write";
    public static final String ACCOUNT_READ = "account:read";
    public static final String ACCOUNT_UPDATE = "account:update";
    public static final Set<String> ALL = Set.of(CONTACTS_READ, CONTACTS_WRITE, LISTS_READ, LISTS_WRITE, ACCOUNT_READ,
            ACCOUNT_UPDATE);

    /**
     * A campaign creator builds campaigns from the contacts and lists; it does not change them,
     * nor the account's settings.
     */
    public static final Map<String, Set<String>> BY_ROLE = Map.of(
            "account_owner", ALL,
            "account_manager", ALL,
            "campaign_creator", Set.of(CONTACTS_READ, LISTS_READ, ACCOUNT_READ));

    private Privileges() {}
}
