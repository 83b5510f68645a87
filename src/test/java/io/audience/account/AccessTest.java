package io.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTest {

    private static Caller caller(Set<String> scopes, String role) {
        return new Caller(UUID.randomUUID(), "oauth:test", "oauth_grant:g", "client", scopes,
                Privileges.BY_ROLE.get(role));
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /v3/contacts, contact_data, contacts:read",
        "POST, /v3/contacts, contact_data, contacts:write",
        "DELETE, /v3/contacts/1, contact_data, contacts:write",
        "GET, /v3/contact_lists, contact_data, contacts:lists:read",
        "PUT, /v3/contact_lists/1, contact_data, contacts:lists:write",
        "POST, /v3/activities/add_list_memberships, contact_data, contacts:lists:write",
        "POST, /v3/activities/list_delete, contact_data, contacts:lists:write",
        "POST, /v3/activities/contacts_json_import, contact_data, contacts:write",
        "POST, /v3/activities/contact_exports, contact_data, contacts:read",
        "GET, /v3/activities, contact_data, contacts:read",
        "GET, /v3/contact_tags, contact_data, contacts:read",
        "GET, /v3/account/settings, account_read, account:read",
        "PUT, /v3/account/settings, account_update, account:update"})
    void eachRequestNeedsTheVendorsScopeAndPrivilege(String method, String path, String scope, String privilege) {
        assertThat(Access.need(method, path)).isEqualTo(new Access.Need(scope, privilege));
    }

    @Test
    void anApiTokenMayDoEverything() {
        Caller token = Caller.apiToken(UUID.randomUUID(), UUID.randomUUID());
        assertThat(Access.denial(token, "DELETE", "/v3/contact_lists/1")).isEmpty();
        assertThat(Access.denial(token, "PUT", "/v3/account/settings")).isEmpty();
    }

    @Test
    void aMissingScopeIsNamedBeforeAMissingPrivilege() {
        Caller creator = caller(Set.of("account_read"), "campaign_creator");
        assertThat(Access.denial(creator, "POST", "/v3/contacts")).get().asString()
                .contains("lacks the scope contact_data");
    }

    @Test
    void aCampaignCreatorReadsButDoesNotChangeContactsListsOrSettings() {
        Caller creator = caller(Set.of("contact_data", "account_read", "account_update"), "campaign_creator");
        assertThat(Access.denial(creator, "GET", "/v3/contacts")).isEmpty();
        assertThat(Access.denial(creator, "GET", "/v3/contact_lists")).isEmpty();
        assertThat(Access.denial(creator, "POST", "/v3/contacts")).get().asString().contains("contacts:write");
        assertThat(Access.denial(creator, "DELETE", "/v3/contact_lists/1")).get().asString()
                .contains("contacts:lists:write");
        assertThat(Access.denial(creator, "PUT", "/v3/account/settings")).get().asString().contains("account:update");
    }

    @Test
    void ownersAndManagersMayDoEverythingTheirScopesAllow() {
        for (String role : Set.of("account_owner", "account_manager")) {
            Caller user = caller(Scopes.ALL, role);
            assertThat(Access.denial(user, "POST", "/v3/contacts")).isEmpty();
            assertThat(Access.denial(user, "DELETE", "/v3/contact_lists/1")).isEmpty();
            assertThat(Access.denial(user, "PUT", "/v3/account/settings")).isEmpty();
        }
    }
}
