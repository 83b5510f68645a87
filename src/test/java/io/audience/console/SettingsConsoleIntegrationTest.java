package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.Mailbox;
import io.audience.auth.OAuthApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The settings pages over HTTP: every change is checked through the API or the stored rows, the
 * roles that may not see them are refused, and another account's ids answer 404 changing nothing.
 */
class SettingsConsoleIntegrationTest extends SettingsConsoleSupport {

    private static final Pattern ISSUED = Pattern.compile("id=\"issued-token\" value=\"([^\"]+)\"");

    @Test
    void confirmedOptInSwitchedInTheConsoleIsWhatTheApiAnswersAndKeepsTheSender() {
        NamedAccount account = namedAccount("Settings");
        settings(account.api(), false);
        ConsoleClient owner = signedIn(account, "account_owner");

        assertThat(owner.get("/console/settings").body())
                .contains("Confirmed opt-in is now <strong id=\"coi-state\">off");
        assertRedirectedTo(
                owner.post("/console/settings/confirmed-opt-in", Map.of("enabled", "true")), "/console/settings");

        JsonNode stored = account.api().get("/v3/account/settings").json();
        assertThat(stored.get("confirmed_opt_in").asBoolean()).isTrue();
        assertThat(stored.get("from_email").asString()).isEqualTo("news@bakery.example");
        ConsoleClient.Page shown = owner.get("/console/settings");
        assertThat(shown.body()).contains("Confirmed opt-in is on.").contains("id=\"coi-state\">on");

        owner.post("/console/settings/confirmed-opt-in", Map.of("enabled", "false"));
        assertThat(account.api()
                        .get("/v3/account/settings")
                        .json()
                        .get("confirmed_opt_in")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void senderAddressAddedInTheConsoleIsMailedItsLinkAndWaitsForConfirmation() {
        NamedAccount account = namedAccount("Senders");
        ConsoleClient owner = signedIn(account, "account_manager");
        String address = uniqueEmail("sender");

        owner.get("/console/settings/senders");
        assertRedirectedTo(
                owner.post("/console/settings/senders", Map.of("email_address", address)), "/console/settings/senders");

        Mailbox.awaitMail(address, 1, Duration.ofSeconds(20));
        JsonNode listed = account.api().get("/v3/account/emails").json().get(0);
        assertThat(listed.get("email_address").asString()).isEqualTo(address);
        assertThat(listed.get("email_status").asString()).isEqualTo("UNCONFIRMED");
        ConsoleClient.Page page = owner.get("/console/settings/senders");
        assertThat(page.body())
                .contains(address)
                .contains("waiting for confirmation")
                .contains("Send the link again");

        assertRedirectedTo(
                owner.post("/console/settings/senders/" + listed.get("email_id").asLong() + "/resend", Map.of()),
                "/console/settings/senders");
        assertThat(owner.post("/console/settings/senders", Map.of("email_address", "not an address"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void apiTokenCreatedInTheConsoleIsShownOnceAndWorksUntilRevoked() {
        NamedAccount account = namedAccount("Tokens");
        ConsoleClient owner = signedIn(account, "account_owner");

        owner.get("/console/settings/tokens");
        assertRedirectedTo(owner.post("/console/settings/tokens", Map.of()), "/console/settings/tokens");
        ConsoleClient.Page once = owner.get("/console/settings/tokens");
        Matcher issued = ISSUED.matcher(once.body());
        assertThat(issued.find()).as(once.body()).isTrue();
        String secret = issued.group(1);
        assertThat(account.api().withToken(secret).get("/v3/account/settings").status())
                .isEqualTo(200);
        assertThat(owner.get("/console/settings/tokens").body())
                .doesNotContain(secret)
                .doesNotContain("issued-token");

        String tokenId = admin().get("/admin/accounts/" + account.id() + "/api_tokens")
                .json()
                .get("api_tokens")
                .get(1)
                .get("token_id")
                .asString();
        assertThat(owner.get("/console/settings/tokens/" + tokenId + "/revoke").body())
                .contains("Revoke the token");
        assertRedirectedTo(
                owner.post("/console/settings/tokens/" + tokenId + "/revoke", Map.of()), "/console/settings/tokens");
        assertThat(refusedWithinSeconds(account.api().withToken(secret))).isTrue();
        assertThat(account.api().get("/v3/account/settings").status()).isEqualTo(200);
    }

    @Test
    void campaignCreatorIsRefusedEverySettingsPage() {
        NamedAccount account = namedAccount("Creator");
        ConsoleClient creator = signedIn(account, "campaign_creator");

        for (String path : List.of(
                "/console/settings",
                "/console/settings/senders",
                "/console/settings/tokens",
                "/console/settings/users",
                "/console/settings/apps")) {
            assertThat(creator.get(path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void appRegisteredInTheConsoleIsListedAndDeletingOneEndsItsGrants() {
        NamedAccount account = namedAccount("Apps");
        ConsoleClient owner = signedIn(account, "account_owner");

        owner.get("/console/settings/apps");
        assertRedirectedTo(
                owner.post(
                        "/console/settings/apps",
                        Map.of(
                                "name",
                                "Shop sync",
                                "redirect_uris",
                                "https://shop.example/callback\r\nhttp://localhost:8765/cb")),
                "/console/settings/apps");
        ConsoleClient.Page shown = owner.get("/console/settings/apps");
        assertThat(shown.body())
                .contains("Shop sync")
                .contains("https://shop.example/callback")
                .contains("confidential")
                .contains("id=\"client-secret\"");
        assertThat(owner.get("/console/settings/apps").body()).doesNotContain("id=\"client-secret\"");
        assertThat(owner.post("/console/settings/apps", Map.of("name", "Bad", "redirect_uris", "ftp://x.example/"))
                        .status())
                .isEqualTo(400);

        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account.id(), false);
        String email = OAuthApp.newUser(admin(), account.id(), "account_manager");
        String access = app.tokens(email, "contact_data").get("access_token").asString();
        Api asApp = account.api().withToken(access);
        assertThat(asApp.get("/v3/contact_lists").status()).isEqualTo(200);

        owner.get("/console/settings/apps/" + app.clientId + "/delete");
        assertRedirectedTo(
                owner.post("/console/settings/apps/" + app.clientId + "/delete", Map.of()), "/console/settings/apps");
        assertThat(asApp.get("/v3/contact_lists").status()).isEqualTo(401);
        assertThat(owner.get("/console/settings/apps").body())
                .doesNotContain(app.clientId)
                .contains("Shop sync");
    }

    @Test
    void anotherAccountsTokensUsersSendersAndAppsAreNotFoundAndNothingChanges() {
        NamedAccount victim = namedAccount("Victim");
        String victimUser = ConsoleClient.newUser(admin(), victim.id(), "account_manager");
        UUID victimUserId = userId(victimUser);
        String tokenId = admin().get("/admin/accounts/" + victim.id() + "/api_tokens")
                .json()
                .get("api_tokens")
                .get(0)
                .get("token_id")
                .asString();
        long senderId = victim.api()
                .post("/v3/account/emails", Api.object().put("email_address", uniqueEmail("victim-sender")))
                .json()
                .get("email_id")
                .asLong();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), victim.id(), false);

        NamedAccount other = namedAccount("Attacker");
        ConsoleClient attacker = signedIn(other, "account_owner");
        for (String path : List.of(
                "/console/settings/tokens/" + tokenId + "/revoke",
                "/console/settings/users/" + victimUserId + "/remove",
                "/console/settings/apps/" + app.clientId + "/delete")) {
            assertThat(attacker.get(path).status()).as(path).isEqualTo(404);
        }
        attacker.get("/console/settings");
        Map<String, Map<String, String>> posts = Map.of(
                "/console/settings/tokens/" + tokenId + "/revoke", Map.of(),
                "/console/settings/users/" + victimUserId + "/remove", Map.of(),
                "/console/settings/users/" + victimUserId + "/role", Map.of("role", "campaign_creator"),
                "/console/settings/apps/" + app.clientId + "/delete", Map.of(),
                "/console/settings/senders/" + senderId + "/resend", Map.of());
        posts.forEach((path, form) ->
                assertThat(attacker.post(path, form).status()).as(path).isEqualTo(404));

        assertThat(victim.api().get("/v3/account/settings").status()).isEqualTo(200);
        assertThat(role(victimUser)).isEqualTo("account_manager");
        assertThat(users(victim)).isEqualTo(1);
        assertThat(db.fetchCount(
                        DSL.table("oauth_client"), DSL.field("client_id").eq(app.clientId)))
                .isEqualTo(1);
        assertThat(victim.api().get("/v3/account/emails").json().size()).isEqualTo(1);
        assertThat(attacker.get("/console/settings/tokens").body()).doesNotContain(tokenId);
    }
}
