package io.audience.api;

import java.util.Set;

/** The vendor's OAuth scopes that this service knows. */
public final class Scopes {

    public static final String CONTACT_DATA = "contact_data";
    public static final String ACCOUNT_READ = "account_read";
    public static final String ACCOUNT_UPDATE = "account_update";
    public static final String OFFLINE_ACCESS = "offline_access";
    public static final Set<String> ALL = Set.of(CONTACT_DATA, ACCOUNT_READ, ACCOUNT_UPDATE, OFFLINE_ACCESS);

    private Scopes() {}
}
