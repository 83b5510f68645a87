package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperationsIntegrationTest extends IntegrationTest {

    @Test
    void healthAndApiDocumentationAreServedWithoutATokenAndMetricsOnlyToTheOperator() {
        Api anonymous = new Api(baseUrl(), null);
        assertThat(anonymous.get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        for (String token : new String[] {null, newAccountToken(), "wrong-token-that-is-long-enough-1234"}) {
            for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator"}) {
                Api.Response refused = new Api(baseUrl(), token).get(path, "Accept", "*/*");
                assertThat(refused.status()).as(path + " " + refused).isEqualTo(401);
                assertThat(refused.error().get("error_key").asString()).isEqualTo("unauthorized");
            }
        }
        Api.Response metrics = admin().get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests");
        assertThat(admin().get("/actuator").status()).isEqualTo(200);
        Api.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/v3/contacts")).isTrue();
        assertThat(docs.json().get("paths").has("/v3/contacts/sign_up_form")).isTrue();
        assertThat(docs.json().get("paths").has("/v3/contacts/{contact_id}")).isTrue();
        assertThat(docs.json()
                        .get("components")
                        .get("schemas")
                        .get("ContactResource")
                        .get("properties")
                        .has("email_address"))
                .as("the document names properties as the wire does")
                .isTrue();
        assertThat(docs.json().get("components").get("schemas").has("Caller")).isFalse();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private String newAccountToken() {
        return admin().post("/admin/accounts", Api.object().put("name", "Ops"))
                .json()
                .get("api_token")
                .asString();
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheErrorFormat() {
        Api api = newAccount();
        Api.Response unknown = api.get("/v3/nothing_here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("error_key").asString()).isEqualTo("contacts.api.not_found");
        Api.Response method =
                api.raw("PATCH", "/v3/contacts", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.error().get("error_message").asString()).contains("PATCH");
    }
}
