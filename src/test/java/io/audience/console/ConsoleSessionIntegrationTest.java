package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in to the console, its session, its CSRF tokens and its roles, over HTTP. */
class ConsoleSessionIntegrationTest extends IntegrationTest {

    @Test
    void aConsolePageWithoutASessionSendsThePersonToSignInAndBackAfterwards() {
        NamedAccount account = namedAccount("Session");
        String email = ConsoleClient.newUser(admin(), account.id(), "account_owner");
        ConsoleClient browser = new ConsoleClient(baseUrl());

        ConsoleClient.Page refused = browser.get("/console/lists");
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.location()).hasValue("/login");

        browser.get("/login");
        ConsoleClient.Page signedIn =
                browser.post("/login", Map.of("username", email, "password", ConsoleClient.PASSWORD));
        assertThat(signedIn.location().orElseThrow()).endsWith("/console/lists?continue");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        NamedAccount account = namedAccount("Cookie");
        String email = ConsoleClient.newUser(admin(), account.id(), "account_owner");
        ConsoleClient browser = new ConsoleClient(baseUrl());
        browser.get("/login");
        ConsoleClient.Page signedIn =
                browser.post("/login", Map.of("username", email, "password", ConsoleClient.PASSWORD));
        String cookie = signedIn.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("AUDIENCE_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        NamedAccount account = namedAccount("Csrf");
        ConsoleClient owner =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        owner.get("/console");

        ConsoleClient.Page refused = owner.postWithoutToken("/logout", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This form has expired").contains("nothing was changed");
        ConsoleClient.Page forged = owner.postWithoutToken("/logout", Map.of("_csrf", "forged-token"));
        assertThat(forged.status()).isEqualTo(403);
        // Still signed in: the refused sign-out did nothing.
        assertThat(owner.get("/console").status()).isEqualTo(302);
        assertThat(owner.get("/console").location().orElseThrow()).endsWith("/console/dashboard");
    }

    @Test
    void signingOutEndsTheSession() {
        NamedAccount account = namedAccount("Sign out");
        ConsoleClient owner =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_manager"));
        owner.get("/console/lists");
        ConsoleClient.Page out = owner.post("/logout", Map.of());
        assertThat(out.location().orElseThrow()).endsWith("/login?logout");
        assertThat(owner.get("/login?logout").body()).contains("You are signed out");
        assertThat(owner.get("/console/lists").location()).hasValue("/login");
    }

    @Test
    void aCampaignCreatorLandsOnTheListsAndIsRefusedContactsWithTheReason() {
        NamedAccount account = namedAccount("Creator");
        ConsoleClient creator =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "campaign_creator"));
        assertThat(creator.get("/console").location().orElseThrow()).endsWith("/console/lists");
        ConsoleClient.Page contacts = creator.get("/console/contacts");
        assertThat(contacts.status()).isEqualTo(403);
        assertThat(contacts.body()).contains("Campaign creator").contains("does not let you see contacts");
    }

    @Test
    void aDisabledAccountsUserIsSignedOutAtTheNextRequest() {
        NamedAccount account = namedAccount("Disabled");
        ConsoleClient owner =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        assertThat(owner.get("/console").status()).isEqualTo(302);
        Api.Response disabled = admin().raw(
                        "PATCH",
                        "/admin/accounts/" + account.id(),
                        "application/json",
                        "{\"disabled\": true}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        ConsoleClient.Page after = owner.get("/console/lists");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.location()).hasValue("/login?ended");
    }

    @Test
    void anHtmxRequestWithoutASessionIsToldToLoadTheSignInPage() {
        ConsoleClient.Page page = new ConsoleClient(baseUrl()).htmx("GET", "/console/lists", Map.of());
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.response().headers().firstValue("HX-Redirect")).hasValue("/login");
    }

    @Test
    void theOperatorSignsInWithTheOperatorTokenOnlyAndAnAccountUserCannotReachTheOperatorPages() {
        ConsoleClient operator = new ConsoleClient(baseUrl());
        assertThat(operator.get("/console/operator/sign-out").status()).isIn(303, 405);
        operator.get("/console/operator/sign-in");
        ConsoleClient.Page wrong = operator.post("/console/operator/sign-in", Map.of("token", "not the token"));
        assertThat(wrong.location().orElseThrow()).endsWith("/console/operator/sign-in?error");
        ConsoleClient.Page right = operator.post("/console/operator/sign-in", Map.of("token", ADMIN_TOKEN));
        assertThat(right.location().orElseThrow()).endsWith("/console/operator");

        NamedAccount account = namedAccount("Not operator");
        ConsoleClient user =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        user.get("/console");
        ConsoleClient.Page refused = user.post("/console/operator/sign-out", Map.of());
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.location()).hasValue("/console/operator/sign-in");
    }
}
