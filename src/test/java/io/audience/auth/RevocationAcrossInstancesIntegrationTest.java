package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import io.audience.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every way to take a credential back, honoured by a second instance on the same database within
 * two seconds: an API token revoked, an access token revoked (an older one too, and for good,
 * whatever refreshes follow), the account disabled (tokens, users and apps) and enabled again, a
 * grant revoked. The second instance also shows that the OAuth issuer is AUDIENCE_PUBLIC_URL,
 * whatever Host a request names.
 */
class RevocationAcrossInstancesIntegrationTest extends IntegrationTest {

    private static final String PUBLIC_URL = "https://audience.example.org";

    @Autowired
    DataSource dataSource;

    @Test
    void everyRevocationIsHonouredByBothInstancesWithinTwoSeconds() throws Exception {
        Api.Response created = admin().post("/admin/accounts", Api.object().put("name", "Revoke " + UUID.randomUUID()));
        String accountId = created.json().get("account_id").asString();
        String apiToken = created.json().get("api_token").asString();
        Api.Response issued = admin().post("/admin/accounts/" + accountId + "/api_tokens", Api.object());
        String secondToken = issued.json().get("api_token").asString();
        String contact = createContact(new Api(baseUrl(), apiToken), uniqueEmail("kept"))
                .get("contact_id")
                .asString();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), accountId, false);
        String email = OAuthApp.newUser(admin(), accountId, "account_owner");
        JsonNode first = app.tokens(email, "contact_data offline_access");
        String olderAccess = first.get("access_token").asString();
        JsonNode second = app.refresh(first.get("refresh_token").asString()).json();
        String access = second.get("access_token").asString();

        try (OtherInstance other = OtherInstance.start(dataSource, Map.of("AUDIENCE_PUBLIC_URL", PUBLIC_URL))) {
            List<String> bases = List.of(baseUrl(), other.baseUrl());
            for (String token : List.of(apiToken, secondToken, olderAccess, access)) {
                assertEverywhere(bases, token, "/v3/contacts/" + contact, 200);
            }

            assertThat(admin().delete("/admin/accounts/" + accountId + "/api_tokens/"
                                    + issued.json().get("token_id").asString())
                            .status())
                    .isEqualTo(204);
            assertEverywhere(bases, secondToken, "/v3/contacts/" + contact, 401);
            assertEverywhere(bases, apiToken, "/v3/contacts/" + contact, 200);

            assertThat(app.call("/oauth2/revoke", Map.of("token", olderAccess), app.secret)
                            .status())
                    .isEqualTo(200);
            assertEverywhere(bases, olderAccess, "/v3/contacts/" + contact, 401);
            assertEverywhere(bases, access, "/v3/contacts/" + contact, 200);
            OAuthApp appThere = new OAuthApp(other.baseUrl(), app.clientId, app.secret);
            JsonNode third =
                    appThere.refresh(second.get("refresh_token").asString()).json();
            assertThat(third.has("access_token")).as(third.toString()).isTrue();
            assertEverywhere(bases, olderAccess, "/v3/contacts/" + contact, 401);
            assertThat(app.call("/oauth2/revoke", Map.of("token", access), app.secret)
                            .status())
                    .isEqualTo(200);
            assertEverywhere(bases, access, "/v3/contacts/" + contact, 401);
            String newest = third.get("access_token").asString();
            assertEverywhere(bases, newest, "/v3/contacts/" + contact, 200);

            patch(accountId, true);
            assertEverywhere(bases, apiToken, "/v3/contacts/" + contact, 403);
            assertEverywhere(bases, newest, "/v3/contacts/" + contact, 403);
            assertThat(new Api(other.baseUrl(), apiToken)
                            .get("/v3/contacts")
                            .error()
                            .get("error_message")
                            .asString())
                    .contains("disabled");
            Api.Response refused = appThere.refresh(third.get("refresh_token").asString());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.json().get("error").asString()).isEqualTo("invalid_client");
            assertThat(refused.json().get("error_description").asString()).contains("disabled");
            OAuthApp signIn = new OAuthApp(other.baseUrl(), app.clientId, app.secret);
            assertThat(signIn.signIn(email, OAuthApp.PASSWORD))
                    .as("the user cannot sign in")
                    .contains("/login?error");

            patch(accountId, false);
            assertEverywhere(bases, apiToken, "/v3/contacts/" + contact, 200);
            assertEverywhere(bases, newest, "/v3/contacts/" + contact, 200);
            JsonNode fourth =
                    appThere.refresh(third.get("refresh_token").asString()).json();
            assertThat(fourth.has("access_token")).as(fourth.toString()).isTrue();

            assertThat(appThere.revoke(fourth.get("refresh_token").asString()).status())
                    .isEqualTo(200);
            assertEverywhere(bases, fourth.get("access_token").asString(), "/v3/contacts/" + contact, 401);
            assertEverywhere(bases, newest, "/v3/contacts/" + contact, 401);

            JsonNode metadata = Api.JSON.readTree(
                    RawHttp.get(other.port(), "/.well-known/oauth-authorization-server", "evil.example")
                            .body());
            assertThat(metadata.get("issuer").asString()).isEqualTo(PUBLIC_URL);
            assertThat(metadata.get("token_endpoint").asString()).isEqualTo(PUBLIC_URL + "/oauth2/token");
            JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder()
                    .decode(fourth.get("access_token").asString().split("\\.")[1]));
            assertThat(claims.get("iss").asString()).isEqualTo(PUBLIC_URL);
        }
    }

    private void patch(String accountId, boolean disabled) {
        Api.Response answer = admin().raw(
                        "PATCH",
                        "/admin/accounts/" + accountId,
                        "application/json",
                        ("{\"disabled\": " + disabled + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** Both instances answer {@code status} within two seconds. */
    private static void assertEverywhere(List<String> bases, String token, String path, int status)
            throws InterruptedException {
        for (String base : bases) {
            long start = System.nanoTime();
            while (true) {
                Api.Response answer = new Api(base, token).get(path);
                if (answer.status() == status) {
                    break;
                }
                assertThat((System.nanoTime() - start) / 1_000_000)
                        .as(base + " " + path + " -> " + answer)
                        .isLessThan(2_000);
                Thread.sleep(50);
            }
        }
    }
}
