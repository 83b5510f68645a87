package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The authorization-code flow with PKCE, end to end over HTTP, and what the API makes of its tokens. */
class OAuthFlowIntegrationTest extends IntegrationTest {

    static final String PASSWORD = OAuthApp.PASSWORD;

    record Account(String id, Api api) {}

    Account account() {
        Api.Response created = admin().post("/admin/accounts", Api.object().put("name", "OAuth " + UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        return new Account(
                created.json().get("account_id").asString(),
                new Api(baseUrl(), created.json().get("api_token").asString()));
    }

    JsonNode tokensFor(OAuthApp app, String email, String scope) {
        return app.tokens(email, scope);
    }

    @Test
    void anAppGetsTokensThroughLoginConsentAndPkceAndTheApiAcceptsThemForItsAccountOnly() {
        Account mine = account();
        Account other = account();
        createContact(mine.api(), "mine-" + UUID.randomUUID() + "@example.com");
        String theirs = "theirs-" + UUID.randomUUID() + "@example.com";
        createContact(other.api(), theirs);
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        String email = OAuthApp.newUser(admin(), mine.id(), "account_owner");

        JsonNode tokens = tokensFor(app, email, "contact_data offline_access");

        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isBetween(86_000L, 86_400L);
        assertThat(tokens.get("scope").asString().split(" "))
                .containsExactlyInAnyOrder("contact_data", "offline_access");
        assertThat(tokens.has("refresh_token")).isTrue();
        String access = tokens.get("access_token").asString();
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        assertThat(claims.get("account_id").asString()).isEqualTo(mine.id());
        assertThat(claims.get("aud").toString()).contains(app.clientId);
        assertThat(claims.get("sub").asString()).isNotBlank();

        Api asApp = new Api(baseUrl(), access);
        Api.Response listed = asApp.get("/v3/contacts?status=all");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("contacts")).hasSize(1);
        assertThat(asApp.get("/v3/contacts?email=" + theirs).json().get("contacts"))
                .isEmpty();
        Api.Response created = asApp.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "via-app-%s@example.com"}, "create_source": "Account"}
                """.formatted(UUID.randomUUID())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        JsonNode tokens = tokensFor(app, OAuthApp.newUser(admin(), mine.id(), "account_owner"), "contact_data");
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void aRefreshTokenRotatesAndAReusedOneRevokesTheWholeGrant() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        JsonNode first =
                tokensFor(app, OAuthApp.newUser(admin(), mine.id(), "account_manager"), "contact_data offline_access");
        String firstRefresh = first.get("refresh_token").asString();

        Api.Response second = app.refresh(firstRefresh);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        String secondRefresh = second.json().get("refresh_token").asString();
        String secondAccess = second.json().get("access_token").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(new Api(baseUrl(), secondAccess).get("/v3/contacts").status())
                .isEqualTo(200);

        Api.Response retried = app.refresh(firstRefresh);
        assertThat(retried.status())
                .as("presented again at once: a duplicate, refused")
                .isEqualTo(400);
        assertThat(retried.json().get("error").asString()).isEqualTo("invalid_grant");
        Api.Response third = app.refresh(secondRefresh);
        assertThat(third.status()).as("and the grant stands").isEqualTo(200);
        String newestRefresh = third.json().get("refresh_token").asString();
        // Later than a concurrent duplicate could be: a reuse.
        db.update(io.audience.db.Tables.OAUTH_USED_REFRESH_TOKEN)
                .set(
                        io.audience.db.Tables.OAUTH_USED_REFRESH_TOKEN.USED_AT,
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(10))
                .where(io.audience.db.Tables.OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID.in(db.select(
                                io.audience.db.Tables.OAUTH2_AUTHORIZATION.ID)
                        .from(io.audience.db.Tables.OAUTH2_AUTHORIZATION)
                        .where(io.audience.db.Tables.OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID.eq(app.clientId))))
                .execute();
        Api.Response reused = app.refresh(firstRefresh);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(app.refresh(newestRefresh).json().get("error").asString())
                .as("the grant is revoked: the newest refresh token fails too")
                .isEqualTo("invalid_grant");
        Api.Response api = new Api(baseUrl(), secondAccess).get("/v3/contacts");
        assertThat(api.status()).as("and its access tokens").isEqualTo(401);
        assertThat(db.fetchCount(
                        io.audience.db.Tables.OAUTH2_AUTHORIZATION,
                        io.audience.db.Tables.OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID.eq(app.clientId)))
                .isZero();
    }

    @Test
    void revokingTheRefreshTokenEndsTheGrantAndItsAccessTokens() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        JsonNode tokens =
                tokensFor(app, OAuthApp.newUser(admin(), mine.id(), "account_owner"), "contact_data offline_access");
        Api asApp = new Api(baseUrl(), tokens.get("access_token").asString());
        assertThat(asApp.get("/v3/contacts").status()).isEqualTo(200);

        assertThat(app.revoke(tokens.get("refresh_token").asString()).status()).isEqualTo(200);

        assertThat(asApp.get("/v3/contacts").status()).isEqualTo(401);
        assertThat(app.refresh(tokens.get("refresh_token").asString())
                        .json()
                        .get("error")
                        .asString())
                .isEqualTo("invalid_grant");
    }

    @Test
    void revokingAnAccessTokenEndsItAtOnceThoughItHasNotExpired() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        String access = tokensFor(app, OAuthApp.newUser(admin(), mine.id(), "account_owner"), "contact_data")
                .get("access_token")
                .asString();
        Api asApp = new Api(baseUrl(), access);
        assertThat(asApp.get("/v3/contacts").status()).isEqualTo(200);

        assertThat(app.call("/oauth2/revoke", Map.of("token", access, "token_type_hint", "access_token"), app.secret)
                        .status())
                .isEqualTo(200);

        Api.Response after = asApp.get("/v3/contacts");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error().get("error_key").asString()).isEqualTo("unauthorized");
    }

    @Test
    void aPublicAppMustUsePkceAndGetsTokensWithoutASecret() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), true);
        String email = OAuthApp.newUser(admin(), mine.id(), "account_owner");

        URI withoutPkce = app.signInAndConsent(email, PASSWORD, "contact_data", null);
        assertThat(OAuthApp.query(withoutPkce)).containsEntry("error", "invalid_request");

        String verifier = OAuthApp.verifier();
        String code = app.code(app.signInAndConsent(email, PASSWORD, "contact_data", verifier));
        Api.Response tokens = app.exchange(code, verifier);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(new Api(baseUrl(), tokens.json().get("access_token").asString())
                        .get("/v3/contacts")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aWrongVerifierRedirectUriOrReusedCodeIsInvalidGrantAndAWrongSecretIsInvalidClient() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        String email = OAuthApp.newUser(admin(), mine.id(), "account_owner");

        String verifier = OAuthApp.verifier();
        String code = app.code(app.signInAndConsent(email, PASSWORD, "contact_data", verifier));
        Api.Response wrongVerifier = app.exchange(code, OAuthApp.verifier());
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.json().get("error").asString()).isEqualTo("invalid_grant");

        code = app.code(app.signInAndConsent(email, PASSWORD, "contact_data", verifier));
        Api.Response wrongRedirect = app.token(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                "http://127.0.0.1:9/elsewhere",
                "code_verifier",
                verifier));
        assertThat(wrongRedirect.json().get("error").asString()).isEqualTo("invalid_grant");

        code = app.code(app.signInAndConsent(email, PASSWORD, "contact_data", verifier));
        assertThat(app.exchange(code, verifier).status()).isEqualTo(200);
        assertThat(app.exchange(code, verifier).json().get("error").asString())
                .as("a code is used once")
                .isEqualTo("invalid_grant");

        Api.Response wrongSecret = app.call(
                "/oauth2/token",
                Map.of("grant_type", "authorization_code", "code", "x", "redirect_uri", OAuthApp.REDIRECT),
                "not-the-secret");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void anUnregisteredRedirectUriIsRefusedWithoutRedirectingAnywhere() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        var page = app.get(
                app.authorizeUrl("contact_data", OAuthApp.verifier(), "s").replace("callback", "attacker"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aTokenWithoutContactDataOrAUserWithoutThePrivilegeIsForbidden() {
        Account mine = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        JsonNode accountOnly = tokensFor(app, OAuthApp.newUser(admin(), mine.id(), "account_owner"), "account_read");
        Api.Response noScope =
                new Api(baseUrl(), accountOnly.get("access_token").asString()).get("/v3/contacts");
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.error().get("error_key").asString()).isEqualTo("forbidden");
        assertThat(noScope.error().get("error_message").asString()).contains("contact_data");

        app.forgetSession();
        JsonNode creator = tokensFor(app, OAuthApp.newUser(admin(), mine.id(), "campaign_creator"), "contact_data");
        Api asCreator = new Api(baseUrl(), creator.get("access_token").asString());
        // The vendor: campaign creators view lists and lack the privileges to access contacts.
        assertThat(asCreator.get("/v3/contact_lists").status()).isEqualTo(200);
        Api.Response read = asCreator.get("/v3/contacts");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.error().get("error_message").asString()).contains("contacts:read");
        for (String path :
                List.of("/v3/contacts/counts", "/v3/contact_tags", "/v3/contact_custom_fields", "/v3/activities")) {
            assertThat(asCreator.get(path).status()).as(path).isEqualTo(403);
        }
        Api.Response write = asCreator.post("/v3/contact_lists", Api.object().put("name", "Nope"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.error().get("error_message").asString()).contains("contacts:lists:write");
        assertThat(asCreator.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "creator@example.com"}, "create_source": "Account"}""")).status()).isEqualTo(403);
    }

    @Test
    void aUserOfAnotherAccountCannotAuthoriseTheApp() {
        Account mine = account();
        Account other = account();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), mine.id(), false);
        URI answer = app.signInAndConsent(
                OAuthApp.newUser(admin(), other.id(), "account_owner"), PASSWORD, "contact_data", OAuthApp.verifier());
        assertThat(OAuthApp.query(answer)).containsEntry("error", "access_denied");
    }

    @Test
    void theMetadataDocumentNamesTheEndpointsAndPkce() {
        Api.Response metadata = new Api(baseUrl(), null).get("/.well-known/oauth-authorization-server");
        assertThat(metadata.status()).isEqualTo(200);
        JsonNode doc = metadata.json();
        assertThat(doc.get("token_endpoint").asString()).endsWith("/oauth2/token");
        assertThat(doc.get("authorization_endpoint").asString()).endsWith("/oauth2/authorize");
        assertThat(doc.get("revocation_endpoint").asString()).endsWith("/oauth2/revoke");
        assertThat(doc.get("code_challenge_methods_supported").toString()).contains("S256");
        JsonNode keys = new Api(baseUrl(), null).get("/oauth2/jwks").json().get("keys");
        assertThat(keys.get(0).get("kid").asString())
                .isEqualTo(db.select(io.audience.db.Tables.OAUTH_SIGNING_KEY.KEY_ID)
                        .from(io.audience.db.Tables.OAUTH_SIGNING_KEY)
                        .orderBy(io.audience.db.Tables.OAUTH_SIGNING_KEY.CREATED_AT)
                        .limit(1)
                        .fetchOne(0, String.class));
    }

    @Test
    void theSignInPagesCarryTheSecurityHeadersAndTheApiDoesNotPayForThem() {
        OAuthApp app = new OAuthApp(baseUrl(), "none", null);
        var login = app.get(baseUrl() + "/login");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Api.Response api = account().api().get("/v3/contacts");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.header("X-Frame-Options")).isEmpty();
    }
}
