package io.audience.auth;

import static io.audience.db.Tables.ACCOUNT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** One address guessing many emails is stopped too, not only many guesses at one email. */
@TestPropertySource(properties = "audience.login.failures-per-address=3")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginThrottleIntegrationTest extends IntegrationTest {

    @Test
    void anAddressWithTooManyFailedSignInsIsRefusedEvenForARealUserWithTheRightPassword() {
        String account = admin().post("/admin/accounts", Api.object().put("name", "Guess " + UUID.randomUUID()))
                .json()
                .get("account_id")
                .asString();
        String email = OAuthApp.newUser(admin(), account, "account_owner");
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        for (int i = 0; i < 3; i++) {
            assertThat(app.signIn("nobody-" + i + "@guess.example", "some password"))
                    .endsWith("/login?error");
        }

        assertThat(app.signIn(email, OAuthApp.PASSWORD)).endsWith("/login?error");
        assertThat(db.select(ACCOUNT_USER.FAILED_LOGINS)
                        .from(ACCOUNT_USER)
                        .where(ACCOUNT_USER.EMAIL_KEY.eq(email))
                        .fetchOne(ACCOUNT_USER.FAILED_LOGINS))
                .as("refused before the password was checked")
                .isZero();
    }
}
