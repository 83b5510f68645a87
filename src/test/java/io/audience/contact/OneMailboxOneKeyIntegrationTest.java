package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V10__Rekey_email_addresses;
import io.audience.Api;
import io.audience.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every spelling of one mailbox is one contact with one consent: an opt-out of {@code jane@straße.de}
 * holds for {@code jane@xn--strae-oqa.de}; and addresses stored under the IDNA2003 keys of earlier
 * releases are re-keyed, two keys of one mailbox merged with the stricter consent.
 */
class OneMailboxOneKeyIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void anOptOutCannotBeBypassedBySpellingTheMailboxAnotherWay() {
        Api api = newAccount();
        String local = "jane" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s@straße.de", "permission_to_send": "explicit"},
                 "create_source": "Account"}""".formatted(local)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();
        Api.Response optOut = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s@straße.de", "permission_to_send": "unsubscribed"},
                 "update_source": "Contact"}""".formatted(local)));
        assertThat(optOut.status()).as(optOut.toString()).isEqualTo(200);

        for (String spelling : List.of(
                local + "@xn--strae-oqa.de",
                local.toUpperCase(Locale.ROOT) + "@XN--STRAE-OQA.DE",
                local + "@STRAßE.de",
                local + "@stra\u00dfe.de")) {
            Api.Response again = api.post("/v3/contacts", Api.json("""
                    {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "create_source": "Account"}
                    """.formatted(spelling)));
            assertThat(again.status()).as(spelling + " " + again).isEqualTo(409);
            assertThat(again.error().get("contact_id").asString()).isEqualTo(id);
            JsonNode found = api.get("/v3/contacts?email=" + URLEncoder.encode(spelling, StandardCharsets.UTF_8))
                    .json()
                    .get("contacts");
            assertThat(found).as(spelling).hasSize(1);
            assertThat(found.get(0).get("contact_id").asString()).isEqualTo(id);
        }
        Api.Response other = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s@strasse.de"}, "create_source": "Account"}""".formatted(local)));
        assertThat(other.status())
                .as("strasse.de is another domain under IDNA2008")
                .isEqualTo(201);
    }

    @Test
    void anAddressWithAnInvisibleCharacterIsRefusedWithA400NamingIt() {
        Api api = newAccount();
        Api.Response refused = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "ja\\u200bne@example.com"}, "create_source": "Account"}"""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().get("error_message").asString()).contains("U+200B");
    }

    @Test
    void keysOfEarlierReleasesAreRekeyedAndTwoKeysOfOneMailboxMergedWithTheStricterConsent() throws Exception {
        Api api = newAccount();
        String list = createList(api, "Merged");
        UUID account = UUID.fromString(accountOf(api));
        String local = "jane" + UUID.randomUUID().toString().substring(0, 6);
        UUID strasse = legacyContact(account, local + "@Straße.de", local + "@strasse.de", "explicit", "Account", null);
        UUID aLabel = legacyContact(
                account, local + "@xn--strae-oqa.de", local + "@xn--strae-oqa.de", "unsubscribed", null, "Contact");
        UUID renamed = legacyContact(account, "anna@straße.org", "anna@strasse.org", "implicit", "Account", null);
        UUID invalid =
                legacyContact(account, "ja\u200bne@example.org", "ja\u200bne@example.org", "implicit", "Account", null);
        db.execute(
                "insert into list_membership (account_id, list_id, contact_id, created_at) values (?, ?, ?, now())",
                account,
                UUID.fromString(list),
                strasse);

        rekey();

        JsonNode jane = api.get("/v3/contacts?email=" + URLEncoder.encode(local + "@straße.de", StandardCharsets.UTF_8))
                .json()
                .get("contacts");
        assertThat(jane).hasSize(1);
        assertThat(jane.get(0).get("contact_id").asString())
                .as("the contact already under the key stays")
                .isEqualTo(aLabel.toString());
        assertThat(jane.get(0).get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");
        assertThat(jane.get(0).get("email_address").get("opt_out_source").asString())
                .isEqualTo("Contact");
        JsonNode retired = api.get("/v3/contacts/" + strasse).json();
        assertThat(retired.has("deleted_at"))
                .as("the other contact of the mailbox is deleted")
                .isTrue();
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .as("no list for a person who opted out")
                .isZero();
        JsonNode history =
                api.get("/v3/contacts/" + aLabel + "/consent_history").json().get("events");
        assertThat(history.toString())
                .contains("migration:V10 re-key addresses")
                .contains(strasse.toString())
                .contains("stricter consent is kept: unsubscribed");
        assertThat(history).as("both histories and the merge").hasSize(3);
        assertThat(api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s@straße.de", "permission_to_send": "explicit"},
                 "create_source": "Account"}""".formatted(local))).status())
                .isEqualTo(409);

        JsonNode anna = api.get("/v3/contacts/" + renamed).json();
        assertThat(anna.get("email_address").get("permission_to_send").asString())
                .isEqualTo("implicit");
        assertThat(db.fetchValue("select email_key from contact where contact_id = ?", renamed))
                .isEqualTo("anna@xn--strae-oqa.org");
        assertThat(api.get("/v3/contacts/" + renamed + "/consent_history")
                        .json()
                        .get("events"))
                .as("a rename is no consent change")
                .hasSize(1);
        assertThat(db.fetchValue("select email_key from contact where contact_id = ?", invalid))
                .as("an address no longer valid keeps its key")
                .isEqualTo("ja\u200bne@example.org");
    }

    private String accountOf(Api api) {
        String probe = uniqueEmail("probe");
        createContact(api, probe);
        return db.fetchValue("select account_id::text from contact where email_key = ?", probe)
                .toString();
    }

    private UUID legacyContact(
            UUID account,
            String address,
            String legacyKey,
            String permission,
            String optInSource,
            String optOutSource) {
        UUID contact = UUID.randomUUID();
        db.execute("""
                insert into email_consent (account_id, email_key, permission_to_send, opt_in_source, opt_out_source,
                                           opt_out_date, confirm_status, created_at, updated_at)
                values (?, ?, ?, ?, ?, case when ? then now() - interval '30 days' end, 'off',
                        now() - interval '30 days', now() - interval '30 days')""", account, legacyKey, permission, optInSource, optOutSource, optOutSource != null);
        db.execute("""
                insert into consent_event (account_id, event_id, email_key, contact_id, occurred_at, to_permission,
                                           source, channel, actor)
                values (?, ?, ?, ?, now() - interval '30 days', ?, 'Account', 'api', 'api_token:legacy')""", account, UUID.randomUUID(), legacyKey, contact, permission);
        db.execute("""
                insert into contact (account_id, contact_id, email_key, email_address, create_source, update_source,
                                     created_at, updated_at, version)
                values (?, ?, ?, ?, 'Account', 'Account', now() - interval '30 days', now() - interval '30 days', 1)""", account, contact, legacyKey, address);
        return contact;
    }

    private void rekey() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new V10__Rekey_email_addresses().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return new FluentConfiguration();
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            connection.commit();
        }
    }
}
