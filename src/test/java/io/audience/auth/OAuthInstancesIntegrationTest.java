package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tokens are signed with a key kept in the database: another instance (or this one restarted) accepts them. */
class OAuthInstancesIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aTokenIssuedByOneInstanceIsAcceptedAndRefreshedByAnother() throws Exception {
        Api.Response account = admin().post("/admin/accounts", Api.object().put("name", "Two " + UUID.randomUUID()));
        String accountId = account.json().get("account_id").asString();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), accountId, false);
        String email = OAuthApp.newUser(admin(), accountId, "account_owner");
        String verifier = OAuthApp.verifier();
        String code = app.code(app.signInAndConsent(
                email, OAuthFlowIntegrationTest.PASSWORD, "contact_data offline_access", verifier));
        JsonNode tokens = app.exchange(code, verifier).json();

        try (OtherInstance other = OtherInstance.start(dataSource, Map.of())) {
            Api.Response there =
                    new Api(other.baseUrl(), tokens.get("access_token").asString()).get("/v3/contacts");
            assertThat(there.status()).as(there.toString()).isEqualTo(200);
            assertThat(new Api(other.baseUrl(), null)
                            .get("/oauth2/jwks")
                            .json()
                            .get("keys")
                            .toString())
                    .isEqualTo(new Api(baseUrl(), null)
                            .get("/oauth2/jwks")
                            .json()
                            .get("keys")
                            .toString());

            OAuthApp sameAppThere = new OAuthApp(other.baseUrl(), app.clientId, app.secret);
            Api.Response refreshed =
                    sameAppThere.refresh(tokens.get("refresh_token").asString());
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            assertThat(new Api(baseUrl(), refreshed.json().get("access_token").asString())
                            .get("/v3/contacts")
                            .status())
                    .as("and back here")
                    .isEqualTo(200);
        }
    }
}
