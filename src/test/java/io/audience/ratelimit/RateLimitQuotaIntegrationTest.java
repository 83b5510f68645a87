package io.audience.ratelimit;

import static io.audience.ratelimit.RateLimitIntegrationTest.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.auth.OAuthApp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-day limit, in memory, over HTTP. The second's limit is far away here, so the headers
 * report the day's window and count down by one with every answer.
 */
@TestPropertySource(properties = {"audience.rate-limit.per-second=1000000", "audience.rate-limit.per-day=10"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitQuotaIntegrationTest extends IntegrationTest {

    @Test
    void everyAnswerToAnAuthenticatedCallerCarriesTheHeadersCountingDown() {
        Api api = newAccount();
        Api.Response[] answers = {
            api.get("/v3/contact_lists"),
            api.post("/v3/contact_lists", Api.object().put("name", "Counted")),
            api.get("/v3/contacts/" + UUID.randomUUID()),
            api.post("/v3/contact_lists", Api.object().put("name", 12)),
            api.delete("/v3/contact_lists/" + UUID.randomUUID()),
        };
        int[] statuses = {200, 201, 404, 400, 404};
        for (int i = 0; i < answers.length; i++) {
            Api.Response answer = answers[i];
            assertThat(answer.status()).as(answer.toString()).isEqualTo(statuses[i]);
            assertThat(header(answer, "RateLimit-Limit")).isEqualTo(10);
            assertThat(header(answer, "RateLimit-Remaining"))
                    .as(answer.toString())
                    .isEqualTo(9 - i);
            assertThat(header(answer, "RateLimit-Reset")).isBetween(86_000L, 86_400L);
            assertThat(answer.header("Retry-After")).isEmpty();
        }
        // A path no endpoint has needs no token, so it is neither authenticated nor counted.
        Api.Response nowhere = api.get("/v3/no_such_resource");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.header("RateLimit-Limit")).isEmpty();
        assertThat(header(api.get("/v3/contact_lists"), "RateLimit-Remaining")).isEqualTo(4);
    }

    @Test
    void twoUsersOfOneAppShareTheAppsDailyQuota() {
        String account = admin().post("/admin/accounts", Api.object().put("name", "App quota " + UUID.randomUUID()))
                .json()
                .get("account_id")
                .asString();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        Api first = new Api(
                baseUrl(),
                app.tokens(OAuthApp.newUser(admin(), account, "account_owner"), "contact_data")
                        .get("access_token")
                        .asString());
        app.forgetSession();
        Api second = new Api(
                baseUrl(),
                app.tokens(OAuthApp.newUser(admin(), account, "account_manager"), "contact_data")
                        .get("access_token")
                        .asString());
        int admitted = 0;
        Api.Response last = null;
        for (int i = 0; i < 14; i++) {
            last = (i % 2 == 0 ? first : second).get("/v3/contact_lists");
            admitted += last.status() == 200 ? 1 : 0;
        }
        assertThat(admitted)
                .as("one quota of 10 for the app, though each grant used only 5")
                .isEqualTo(10);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.error().get("error_key").asString()).isEqualTo("quota_exceeded");
        assertThat(last.error().get("error_message").asString()).contains("app");
    }

    @Test
    void theDailyQuotaRunsOutWithQuotaExceededUntilTheDayIsOver() {
        Api api = newAccount();
        for (int i = 0; i < 10; i++) {
            Api.Response answer = api.get("/v3/contact_lists");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            Api.Response refused = api.get("/v3/contact_lists");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.error().get("error_key").asString()).isEqualTo("quota_exceeded");
            long retryAfter = header(refused, "Retry-After");
            assertThat(retryAfter).isBetween(86_000L, 86_400L);
            assertThat(refused.error().get("error_message").asString())
                    .isEqualTo("Daily quota exceeded: the limit of "
                            + "10 requests per day for this token is used up; retry in " + retryAfter + " seconds");
            assertThat(header(refused, "RateLimit-Limit")).isEqualTo(10);
            assertThat(header(refused, "RateLimit-Remaining")).isZero();
            assertThat(header(refused, "RateLimit-Reset")).isEqualTo(retryAfter);
        }
    }

    @Test
    void twoApiTokensOfOneAccountEachHaveTheirOwnQuota() {
        Api.Response created = admin().post("/admin/accounts", Api.object().put("name", "Two tokens"));
        Api first = new Api(baseUrl(), created.json().get("api_token").asString());
        String accountId = created.json().get("account_id").asString();
        Api second = first.withToken(admin().post("/admin/accounts/" + accountId + "/api_tokens", Api.object())
                .json()
                .get("api_token")
                .asString());
        Api otherAccount = newAccount();
        for (int i = 0; i < 10; i++) {
            first.get("/v3/contact_lists");
        }
        assertThat(first.get("/v3/contact_lists").status()).isEqualTo(429);

        for (Api api : new Api[] {second, otherAccount}) {
            Api.Response answer = api.get("/v3/contact_lists");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(header(answer, "RateLimit-Remaining")).isEqualTo(9);
        }
    }

    @Test
    void unauthenticatedRequestsAreNeitherLimitedNorGivenTheHeaders() {
        Api stranger = new Api(baseUrl(), "not-a-token");
        for (int i = 0; i < 12; i++) {
            Api.Response answer = stranger.get("/v3/contact_lists");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("RateLimit-Limit")).isEmpty();
        }
        Api.Response docs = new Api(baseUrl(), null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("RateLimit-Limit")).isEmpty();
    }
}
