package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationsIntegrationTest extends IntegrationTest {

    @Test
    void healthMetricsAndApiDocumentationAreServedWithoutAnAccountToken() {
        Api anonymous = new Api(baseUrl(), null);
        assertThat(anonymous.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        Api.Response metrics = anonymous.get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests");
        Api.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/v3/contacts")).isTrue();
        assertThat(docs.json().get("paths").has("/v3/contacts/sign_up_form")).isTrue();
        assertThat(docs.json().get("paths").has("/v3/contacts/{contact_id}")).isTrue();
        assertThat(docs.json().get("components").get("schemas").get("ContactResource").get("properties")
                .has("email_address")).as("the document names properties as the wire does").isTrue();
        assertThat(docs.json().get("components").get("schemas").has("Caller")).isFalse();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheErrorFormat() {
        Api api = newAccount();
        Api.Response unknown = api.get("/v3/nothing_here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("error_key").asString()).isEqualTo("contacts.api.not_found");
        Api.Response method = api.raw("PATCH", "/v3/contacts", "application/json", "{}".getBytes());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.error().get("error_message").asString()).contains("PATCH");
    }
}
