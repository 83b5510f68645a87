package io.audience.auth;

import static io.audience.db.Tables.API_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operator's accounts and API tokens: list, show, issue, revoke, disable and enable. */
class AccountAdminIntegrationTest extends IntegrationTest {

    private JsonNode newAccountJson(String name) {
        Api.Response created = admin().post("/admin/accounts", Api.object().put("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void accountsAreListedInPagesAndShownOneByOne() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(newAccountJson("Listed " + i + " " + UUID.randomUUID())
                    .get("account_id")
                    .asString());
        }
        List<String> seen = new ArrayList<>();
        String next = "/admin/accounts?limit=2";
        int pages = 0;
        while (next != null) {
            Api.Response page = admin().get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("accounts").size()).isBetween(0, 2);
            page.json()
                    .get("accounts")
                    .forEach(a -> seen.add(a.get("account_id").asString()));
            next = page.json().has("_links")
                    ? page.json().get("_links").get("next").get("href").asString()
                    : null;
            pages++;
        }
        assertThat(seen).containsAll(made).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(2);

        JsonNode shown = admin().get("/admin/accounts/" + made.get(0)).json();
        assertThat(shown.get("account_id").asString()).isEqualTo(made.get(0));
        assertThat(shown.get("name").asString()).startsWith("Listed 0");
        assertThat(shown.get("disabled").asBoolean()).isFalse();
        assertThat(shown.has("created_at")).isTrue();
        assertThat(admin().get("/admin/accounts/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin().get("/admin/accounts/not-a-uuid").status()).isEqualTo(404);
        assertThat(admin().get("/admin/accounts?limit=0").status()).isEqualTo(400);
        assertThat(admin().get("/admin/accounts?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void tokensAreListedWithoutTheirSecretRevokedOneByOneAndRefusedOnceRevoked() throws Exception {
        JsonNode account = newAccountJson("Tokens " + UUID.randomUUID());
        String id = account.get("account_id").asString();
        String first = account.get("api_token").asString();

        Api.Response issued = admin().post("/admin/accounts/" + id + "/api_tokens", Api.object());
        assertThat(issued.status()).isEqualTo(201);
        String second = issued.json().get("api_token").asString();
        String secondId = issued.json().get("token_id").asString();
        assertThat(issued.json().get("prefix").asString()).isEqualTo(second.substring(0, 8));

        Api asSecond = new Api(baseUrl(), second);
        assertThat(asSecond.get("/v3/contacts").status()).isEqualTo(200);
        JsonNode listed =
                admin().get("/admin/accounts/" + id + "/api_tokens").json().get("api_tokens");
        assertThat(listed.size()).isEqualTo(2);
        String listing = listed.toString();
        assertThat(listing)
                .doesNotContain(first)
                .doesNotContain(second)
                .doesNotContain(db.select(API_TOKEN.TOKEN_HASH)
                        .from(API_TOKEN)
                        .where(API_TOKEN.TOKEN_ID.eq(UUID.fromString(secondId)))
                        .fetchOne(API_TOKEN.TOKEN_HASH));
        JsonNode secondListed = find(listed, secondId);
        assertThat(secondListed.get("prefix").asString()).isEqualTo(second.substring(0, 8));
        assertThat(secondListed.has("last_used_at")).as("used just now").isTrue();
        assertThat(secondListed.has("revoked_at")).isFalse();

        assertThat(admin().delete("/admin/accounts/" + id + "/api_tokens/" + secondId)
                        .status())
                .isEqualTo(204);
        assertThat(admin().delete("/admin/accounts/" + id + "/api_tokens/" + secondId)
                        .status())
                .as("revoking again changes nothing")
                .isEqualTo(204);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (asSecond.get("/v3/contacts").status() != 401) {
            assertThat(System.nanoTime()).as("refused within 2 seconds").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(new Api(baseUrl(), first).get("/v3/contacts").status())
                .as("the other token works")
                .isEqualTo(200);
        assertThat(find(
                                admin().get("/admin/accounts/" + id + "/api_tokens")
                                        .json()
                                        .get("api_tokens"),
                                secondId)
                        .has("revoked_at"))
                .isTrue();

        String otherAccount =
                newAccountJson("Other " + UUID.randomUUID()).get("account_id").asString();
        assertThat(admin().delete("/admin/accounts/" + otherAccount + "/api_tokens/" + secondId)
                        .status())
                .as("a token id under another account")
                .isEqualTo(404);
        assertThat(admin().delete("/admin/accounts/" + id + "/api_tokens/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(admin().get("/admin/accounts/" + UUID.randomUUID() + "/api_tokens")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDisabledAccountsTokensAreRefusedNamingWhyUntilItIsEnabledAndItsDataIsKept() throws Exception {
        JsonNode account = newAccountJson("Disabled " + UUID.randomUUID());
        String id = account.get("account_id").asString();
        Api api = new Api(baseUrl(), account.get("api_token").asString());
        String contact =
                createContact(api, uniqueEmail("kept")).get("contact_id").asString();

        Api.Response disabled = admin().raw(
                        "PATCH",
                        "/admin/accounts/" + id,
                        "application/json",
                        "{\"disabled\": true}".getBytes(StandardCharsets.UTF_8));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(disabled.json().has("disabled_at")).isTrue();
        Api.Response refused = awaitStatus(api, "/v3/contacts/" + contact, 403);
        assertThat(refused.error().get("error_key").asString()).isEqualTo("forbidden");
        assertThat(refused.error().get("error_message").asString()).contains("disabled by the operator");

        Api.Response enabled = admin().raw(
                        "PATCH",
                        "/admin/accounts/" + id,
                        "application/json",
                        "{\"disabled\": false}".getBytes(StandardCharsets.UTF_8));
        assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
        assertThat(enabled.json().has("disabled_at")).isFalse();
        Api.Response back = awaitStatus(api, "/v3/contacts/" + contact, 200);
        assertThat(back.json().get("contact_id").asString()).isEqualTo(contact);
    }

    @Test
    void aPatchThatChangesNothingKnownOrIsMalformedIsRefused() {
        String id =
                newAccountJson("Patch " + UUID.randomUUID()).get("account_id").asString();
        for (String body : List.of("{}", "{\"disabled\": \"yes\"}", "{\"disabled\": 1}", "{\"name\": \"\"}", "[]")) {
            Api.Response answer = admin().raw(
                            "PATCH",
                            "/admin/accounts/" + id,
                            "application/json",
                            body.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(body + " " + answer).isEqualTo(400);
        }
        Api.Response renamed = admin().raw(
                        "PATCH",
                        "/admin/accounts/" + id,
                        "application/json",
                        "{\"name\": \"Renamed\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(renamed.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(admin().raw(
                                "PATCH",
                                "/admin/accounts/" + UUID.randomUUID(),
                                "application/json",
                                "{\"disabled\": true}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(404);
    }

    private static Api.Response awaitStatus(Api api, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            Api.Response answer = api.get(path);
            if (answer.status() == status) {
                return answer;
            }
            assertThat(System.nanoTime()).as("within 2 seconds: " + answer).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode find(JsonNode tokens, String tokenId) {
        for (JsonNode token : tokens) {
            if (token.get("token_id").asString().equals(tokenId)) {
                return token;
            }
        }
        throw new AssertionError("no token " + tokenId + " in " + tokens);
    }
}
