package io.audience.auth;

import static io.audience.db.Tables.ACCOUNT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's endpoints for users and apps, and sign-in throttling. */
class SignInAdminIntegrationTest extends IntegrationTest {

    private String account() {
        return admin().post("/admin/accounts", Api.object().put("name", "Admin " + UUID.randomUUID()))
                .json()
                .get("account_id")
                .asString();
    }

    @Test
    void aUserIsCreatedWithTheRolesPrivilegesAndOnlyAHashOfThePassword() {
        String account = account();
        String email = "Owner-" + UUID.randomUUID() + "@People.example";
        Api.Response created = admin().post("/admin/accounts/" + account + "/users", Api.json("""
                {"email": "%s", "password": "correct horse battery", "role": "campaign_creator"}""".formatted(email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("role").asString()).isEqualTo("campaign_creator");
        assertThat(created.json().get("privileges").toString())
                .isEqualTo("[\"campaign:create\",\"campaign:read\",\"campaign:write\",\"contacts:lists:read\"]");
        String hash = db.select(ACCOUNT_USER.PASSWORD_HASH)
                .from(ACCOUNT_USER)
                .where(ACCOUNT_USER.EMAIL_KEY.eq(email.toLowerCase(Locale.ROOT)))
                .fetchOne(ACCOUNT_USER.PASSWORD_HASH);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("horse");

        Api.Response again = admin().post("/admin/accounts/" + account() + "/users", Api.json("""
                {"email": "%s", "password": "another good password", "role": "account_owner"}""".formatted(email)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error().get("error_message").asString()).contains("already exists");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\": \"a@b.example\", \"password\": \"short\", \"role\": \"account_owner\"}",
                "{\"email\": \"a@b.example\", \"password\": \"correct horse battery\", \"role\": \"admin\"}",
                "{\"email\": \"a@b.example\", \"password\": \"correct horse battery\"}",
                "{\"email\": \"not an address\", \"password\": \"correct horse battery\", \"role\": \"account_owner\"}",
                "{\"email\": \"a@b.example\", \"password\": \"ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ\", \"role\": \"account_owner\"}",
                "{\"email\": \"a@b.example\", \"password\": \"A@B.EXAMPLE\", \"role\": \"account_owner\"}"
            })
    void aBadUserIsRefusedWithAClearMessageAndNothingStored(String body) {
        String account = account();
        Api.Response refused = admin().post("/admin/accounts/" + account + "/users", Api.json(body));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.error().get("error_message").asString()).isNotBlank();
        assertThat(db.fetchCount(ACCOUNT_USER, ACCOUNT_USER.ACCOUNT_ID.eq(UUID.fromString(account))))
                .isZero();
    }

    @Test
    void usersAndAppsNeedTheAdminTokenAndAnAccountThatExists() {
        String account = account();
        Api.Response withApiToken = new Api(baseUrl(), "aud_not-the-admin")
                .post(
                        "/admin/accounts/" + account + "/users",
                        Api.json("{\"email\": \"x@y.example\", \"password\": \"correct horse battery\","
                                + " \"role\": \"account_owner\"}"));
        assertThat(withApiToken.status()).isEqualTo(401);
        assertThat(admin().post("/admin/accounts/" + UUID.randomUUID() + "/oauth_clients", Api.json("""
                {"name": "App", "redirect_uris": ["https://app.example/cb"]}"""))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aConfidentialAppGetsASecretShownOnceAndAPublicAppNone() {
        String account = account();
        Api.Response confidential = admin().post("/admin/accounts/" + account + "/oauth_clients", Api.json("""
                {"name": "Shop sync", "redirect_uris": ["https://shop.example/oauth/callback"]}"""));
        assertThat(confidential.status()).as(confidential.toString()).isEqualTo(201);
        assertThat(confidential.json().get("client_secret").asString()).hasSizeGreaterThan(40);
        assertThat(confidential.json().get("public").asBoolean()).isFalse();
        assertThat(confidential.json().get("scopes").toString())
                .isEqualTo("[\"account_read\",\"account_update\",\"contact_data\",\"offline_access\"]");
        String stored = db.select(io.audience.db.Tables.OAUTH2_REGISTERED_CLIENT.CLIENT_SECRET)
                .from(io.audience.db.Tables.OAUTH2_REGISTERED_CLIENT)
                .where(io.audience.db.Tables.OAUTH2_REGISTERED_CLIENT.CLIENT_ID.eq(
                        confidential.json().get("client_id").asString()))
                .fetchOne(0, String.class);
        assertThat(stored)
                .startsWith("{bcrypt}")
                .doesNotContain(confidential.json().get("client_secret").asString());

        Api.Response publicApp = admin().post("/admin/accounts/" + account + "/oauth_clients", Api.json("""
                {"name": "Desktop", "redirect_uris": ["http://127.0.0.1:8765/cb"], "public": true}"""));
        assertThat(publicApp.status()).isEqualTo(201);
        assertThat(publicApp.json().has("client_secret")).isFalse();
        assertThat(publicApp.json().get("public").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\": \"App\", \"redirect_uris\": [\"http://app.example/cb\"]}",
                "{\"name\": \"App\", \"redirect_uris\": [\"https://app.example/cb#frag\"]}",
                "{\"name\": \"App\", \"redirect_uris\": [\"/relative\"]}",
                "{\"name\": \"App\", \"redirect_uris\": []}",
                "{\"name\": \"\", \"redirect_uris\": [\"https://app.example/cb\"]}",
                "{\"redirect_uris\": [\"https://app.example/cb\"]}"
            })
    void aBadAppIsRefusedWithAClearMessage(String body) {
        Api.Response refused = admin().post("/admin/accounts/" + account() + "/oauth_clients", Api.json(body));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.error().get("error_message").asString()).isNotBlank();
    }

    @Test
    void fiveWrongPasswordsPauseSignInEvenWithTheRightOne() {
        String account = account();
        String email = OAuthApp.newUser(admin(), account, "account_owner");
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        for (int i = 0; i < 5; i++) {
            assertThat(app.signIn(email, "wrong password " + i)).contains("error");
        }
        assertThat(db.select(ACCOUNT_USER.FAILED_LOGINS)
                        .from(ACCOUNT_USER)
                        .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                        .fetchOne(ACCOUNT_USER.FAILED_LOGINS))
                .isEqualTo(5);
        assertThat(db.select(ACCOUNT_USER.LOCKED_UNTIL)
                        .from(ACCOUNT_USER)
                        .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                        .fetchOne(ACCOUNT_USER.LOCKED_UNTIL))
                .isAfter(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        assertThat(app.signIn(email, OAuthFlowIntegrationTest.PASSWORD))
                .as("paused")
                .contains("error");

        db.update(ACCOUNT_USER)
                .setNull(ACCOUNT_USER.LOCKED_UNTIL)
                .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                .execute();
        assertThat(app.signIn(email, OAuthFlowIntegrationTest.PASSWORD))
                .as("after the pause")
                .doesNotContain("error");
        assertThat(db.select(ACCOUNT_USER.FAILED_LOGINS)
                        .from(ACCOUNT_USER)
                        .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                        .fetchOne(ACCOUNT_USER.FAILED_LOGINS))
                .as("a good sign-in clears the count")
                .isZero();
    }

    @Test
    void anEndlessGuesserOverflowsNeitherTheCountNorThePause() {
        String account = account();
        String email = OAuthApp.newUser(admin(), account, "account_owner");
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        db.update(ACCOUNT_USER)
                .set(ACCOUNT_USER.FAILED_LOGINS, Integer.MAX_VALUE)
                .setNull(ACCOUNT_USER.LOCKED_UNTIL)
                .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                .execute();

        assertThat(app.signIn(email, "yet another wrong password")).endsWith("/login?error");

        assertThat(db.select(ACCOUNT_USER.FAILED_LOGINS)
                        .from(ACCOUNT_USER)
                        .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                        .fetchOne(ACCOUNT_USER.FAILED_LOGINS))
                .isEqualTo(1_000);
        assertThat(db.select(ACCOUNT_USER.LOCKED_UNTIL)
                        .from(ACCOUNT_USER)
                        .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                        .fetchOne(ACCOUNT_USER.LOCKED_UNTIL))
                .isBetween(
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(59),
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(61));
    }
}
