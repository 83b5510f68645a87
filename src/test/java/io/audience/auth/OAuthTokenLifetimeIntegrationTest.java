package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = "audience.oauth.access-token-ttl=5m")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OAuthTokenLifetimeIntegrationTest extends IntegrationTest {

    @Test
    void theAccessTokenLifetimeIsTheConfiguredOne() {
        String account = admin().post("/admin/accounts", Api.object().put("name", "TTL " + UUID.randomUUID()))
                .json()
                .get("account_id")
                .asString();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        JsonNode tokens = app.tokens(OAuthApp.newUser(admin(), account, "account_owner"), "contact_data");
        assertThat(tokens.get("expires_in").asLong()).isBetween(298L, 300L);
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder()
                .decode(tokens.get("access_token").asString().split("\\.")[1]));
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    }
}
