package io.audience.api;

/**
 * The vendor's user privileges that guard this service's endpoints (the {@code
 * x-authorization-privileges} of its Swagger file), each with the OAuth scope a token needs for it.
 */
public enum Privilege {
    CONTACTS_READ("contacts:read", Scopes.CONTACT_DATA),
    CONTACTS_WRITE("contacts:write", Scopes.CONTACT_DATA),
    LISTS_READ("contacts:lists:read", Scopes.CONTACT_DATA),
    LISTS_WRITE("contacts:lists:write", Scopes.CONTACT_DATA),
    ACCOUNT_READ("account:read", Scopes.ACCOUNT_READ),
    ACCOUNT_UPDATE("account:update", Scopes.ACCOUNT_UPDATE);

    private final String wireName;
    private final String scope;

    Privilege(String wireName, String scope) {
        this.wireName = wireName;
        this.scope = scope;
    }

    /** As the vendor spells it: {@code contacts:write}. */
    public String wireName() {
        return wireName;
    }

    public String scope() {
        return scope;
    }
}
