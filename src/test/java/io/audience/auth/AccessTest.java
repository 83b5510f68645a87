package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Privileges;
import io.audience.api.Scopes;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessTest {

    private static Caller caller(Set<String> scopes, String role) {
        return new Caller(
                UUID.randomUUID(), "oauth:test", "oauth_grant:g", "client", scopes, Privileges.BY_ROLE.get(role));
    }

    @Test
    void eachPrivilegeNeedsTheVendorsScope() {
        assertThat(Privilege.CONTACTS_READ.scope()).isEqualTo("contact_data");
        assertThat(Privilege.CONTACTS_WRITE.scope()).isEqualTo("contact_data");
        assertThat(Privilege.LISTS_READ.scope()).isEqualTo("contact_data");
        assertThat(Privilege.LISTS_WRITE.scope()).isEqualTo("contact_data");
        assertThat(Privilege.ACCOUNT_READ.scope()).isEqualTo("account_read");
        assertThat(Privilege.ACCOUNT_UPDATE.scope()).isEqualTo("account_update");
        assertThat(Privilege.LISTS_WRITE.wireName()).isEqualTo("contacts:lists:write");
    }

    @ParameterizedTest
    @EnumSource(Privilege.class)
    void anApiTokenMayDoEverything(Privilege privilege) {
        Caller token = Caller.apiToken(UUID.randomUUID(), UUID.randomUUID());
        assertThat(Access.denial(token, privilege, "GET", "/v3/x")).isEmpty();
    }

    @Test
    void aMissingScopeIsNamedBeforeAMissingPrivilege() {
        Caller creator = caller(Set.of("account_read"), "campaign_creator");
        assertThat(Access.denial(creator, Privilege.CONTACTS_WRITE, "POST", "/v3/contacts"))
                .get()
                .asString()
                .contains("lacks the scope contact_data")
                .contains("POST /v3/contacts");
    }

    @Test
    void aCampaignCreatorViewsListsAndNothingOfContactsNorChangesListsOrSettings() {
        Caller creator = caller(Scopes.ALL, "campaign_creator");
        assertThat(Access.denial(creator, Privilege.LISTS_READ, "GET", "/v3/contact_lists"))
                .isEmpty();
        assertThat(Access.denial(creator, Privilege.CONTACTS_READ, "GET", "/v3/contacts"))
                .get()
                .asString()
                .contains("lacks the privilege contacts:read");
        assertThat(Access.denial(creator, Privilege.CONTACTS_WRITE, "POST", "/v3/contacts"))
                .get()
                .asString()
                .contains("contacts:write");
        assertThat(Access.denial(creator, Privilege.LISTS_WRITE, "DELETE", "/v3/contact_lists/{list_id}"))
                .get()
                .asString()
                .contains("contacts:lists:write");
        assertThat(Access.denial(creator, Privilege.ACCOUNT_UPDATE, "PUT", "/v3/account/settings"))
                .isPresent();
        assertThat(Privileges.BY_ROLE.get("campaign_creator"))
                .containsExactlyInAnyOrder("campaign:create", "campaign:read", "campaign:write", "contacts:lists:read");
    }

    @ParameterizedTest
    @EnumSource(Privilege.class)
    void ownersAndManagersMayDoEverythingTheirScopesAllow(Privilege privilege) {
        for (String role : Set.of("account_owner", "account_manager")) {
            assertThat(Access.denial(caller(Scopes.ALL, role), privilege, "GET", "/v3/x"))
                    .isEmpty();
        }
    }
}
