package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A console sign-in ends after the idle timeout; behind https the session cookie is Secure. */
@TestPropertySource(properties = {"audience.console.idle-timeout=5s", "audience.public-url=https://audience.example"})
class ConsoleIdleTimeoutIntegrationTest extends IntegrationTest {

    @Test
    void aSessionLeftIdleLongerThanTheTimeoutMustSignInAgain() throws InterruptedException {
        NamedAccount account = namedAccount("Idle");
        ConsoleClient owner = ConsoleClient.behindHttps(baseUrl())
                .signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        assertThat(owner.get("/console").status()).isEqualTo(302);
        Thread.sleep(3_000);
        assertThat(owner.get("/console").status())
                .as("activity keeps the session alive")
                .isEqualTo(302);
        Thread.sleep(3_000);
        assertThat(owner.get("/console").status())
                .as("6 s after sign-in, but 3 s idle")
                .isEqualTo(302);
        Thread.sleep(7_000);
        ConsoleClient.Page after = owner.get("/console");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.location()).hasValue("/login");
    }

    @Test
    void theSessionCookieIsSecureWhenThePublicUrlIsHttps() {
        NamedAccount account = namedAccount("Secure");
        String email = ConsoleClient.newUser(admin(), account.id(), "account_owner");
        ConsoleClient browser = new ConsoleClient(baseUrl());
        browser.get("/login");
        ConsoleClient.Page signedIn =
                browser.post("/login", Map.of("username", email, "password", ConsoleClient.PASSWORD));
        assertThat(signedIn.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("AUDIENCE_SESSION=").contains("Secure"));
    }
}
