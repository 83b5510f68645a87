package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.RawHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The authorization server's rules beyond the flow: who may revoke what, one refresh per token, PKCE, the issuer. */
class OAuthRulesIntegrationTest extends IntegrationTest {

    private String account() {
        return admin().post("/admin/accounts", Api.object().put("name", "Rules " + UUID.randomUUID()))
                .json()
                .get("account_id")
                .asString();
    }

    @Test
    void anAppCannotRevokeTokensIssuedToAnotherAppAndNothingChanges() {
        String account = account();
        OAuthApp mine = OAuthApp.register(baseUrl(), admin(), account, false);
        OAuthApp other = OAuthApp.register(baseUrl(), admin(), account, false);
        JsonNode tokens =
                mine.tokens(OAuthApp.newUser(admin(), account, "account_owner"), "contact_data offline_access");
        String access = tokens.get("access_token").asString();
        String refresh = tokens.get("refresh_token").asString();

        for (String token : List.of(access, refresh)) {
            Api.Response refused = other.revoke(token);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("error").asString()).isEqualTo("invalid_client");
        }
        assertThat(new Api(baseUrl(), access).get("/v3/contacts").status()).isEqualTo(200);
        Api.Response refreshed = mine.refresh(refresh);
        assertThat(refreshed.status()).as("the grant stands").isEqualTo(200);
        assertThat(other.refresh(refreshed.json().get("refresh_token").asString())
                        .status())
                .as("nor may another app refresh it")
                .isEqualTo(400);
        assertThat(mine.refresh(refreshed.json().get("refresh_token").asString())
                        .status())
                .as("and that changed nothing either")
                .isEqualTo(200);
        assertThat(mine.revoke("not-a-token").status())
                .as("RFC 7009: unknown tokens are 200")
                .isEqualTo(200);
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneSucceedsAndItsTokensWork() throws Exception {
        String account = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        String refresh = app.tokens(
                        OAuthApp.newUser(admin(), account, "account_manager"), "contact_data offline_access")
                .get("refresh_token")
                .asString();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return app.refresh(refresh);
            }));
        }
        start.countDown();
        List<Api.Response> won = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            if (response.status() == 200) {
                won.add(response);
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(400);
                assertThat(response.json().get("error").asString()).isEqualTo("invalid_grant");
            }
        }
        pool.shutdown();
        assertThat(won).as("exactly one refresh succeeds").hasSize(1);
        JsonNode winner = won.get(0).json();
        assertThat(new Api(baseUrl(), winner.get("access_token").asString())
                        .get("/v3/contacts")
                        .status())
                .isEqualTo(200);
        assertThat(app.refresh(winner.get("refresh_token").asString()).status())
                .as("its refresh token works")
                .isEqualTo(200);
    }

    @Test
    void aConfidentialAppMustUsePkceToo() {
        String account = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        URI withoutPkce = app.signInAndConsent(
                OAuthApp.newUser(admin(), account, "account_owner"), OAuthApp.PASSWORD, "contact_data", null);
        assertThat(OAuthApp.query(withoutPkce)).containsEntry("error", "invalid_request");
        assertThat(OAuthApp.query(withoutPkce).get("error_description")).contains("code_challenge");
    }

    @Test
    void theIssuerIsTheConfiguredOneWhateverHostARequestNames() throws Exception {
        String expected = "http://localhost:" + port;
        for (String host : List.of("localhost:" + port, "evil.example", "evil.example:443")) {
            JsonNode metadata = Api.JSON.readTree(RawHttp.get(port, "/.well-known/oauth-authorization-server", host)
                    .body());
            assertThat(metadata.get("issuer").asString()).as(host).isEqualTo(expected);
            assertThat(metadata.get("jwks_uri").asString()).as(host).startsWith(expected);
        }
        String account = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        String access = app.tokens(OAuthApp.newUser(admin(), account, "account_owner"), "contact_data")
                .get("access_token")
                .asString();
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        assertThat(claims.get("iss").asString()).isEqualTo(expected);
        assertThat(Map.of("jti", claims.has("jti"))).containsEntry("jti", true);
    }
}
