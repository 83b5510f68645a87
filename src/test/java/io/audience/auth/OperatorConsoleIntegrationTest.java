package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operator's console over HTTP: who may open it, and accounts and tokens made and changed with it. */
class OperatorConsoleIntegrationTest extends IntegrationTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\" value=\"([^\"]+)\"");
    private static final Pattern ACCOUNT_PAGE = Pattern.compile("/console/operator/accounts/([0-9a-f-]{36})$");

    private ConsoleClient operator() {
        ConsoleClient console = new ConsoleClient(baseUrl());
        console.get("/console/operator/sign-in");
        ConsoleClient.Page signedIn = console.post("/console/operator/sign-in", Map.of("token", ADMIN_TOKEN));
        assertThat(signedIn.location())
                .as(signedIn.toString())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/operator"));
        return console;
    }

    private static String tokenShownOn(ConsoleClient.Page page) {
        Matcher token = NEW_TOKEN.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        return token.group(1);
    }

    /**
     * The status /v3 answers the token once the service's cache of token checks has caught up with
     * a change (audience.token-cache-ttl, a second in tests).
     */
    static int statusSettlingOn(Api api, int expected) {
        Instant deadline = Instant.now().plusSeconds(5);
        int status = api.get("/v3/contact_lists").status();
        while (status != expected && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = api.get("/v3/contact_lists").status();
        }
        return status;
    }

    @Test
    void aBrowserThatIsNotSignedInIsSentToTheOperatorSignIn() {
        ConsoleClient.Page page = new ConsoleClient(baseUrl()).get("/console/operator");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/console/operator/sign-in"));
    }

    @Test
    void aWrongOperatorTokenOpensNothing() {
        ConsoleClient console = new ConsoleClient(baseUrl());
        console.get("/console/operator/sign-in");
        ConsoleClient.Page refused = console.post("/console/operator/sign-in", Map.of("token", "not-the-token"));
        assertThat(refused.location()).hasValueSatisfying(l -> assertThat(l).contains("sign-in?error"));
        assertThat(console.get("/console/operator").status()).isEqualTo(303);
    }

    @Test
    void aCreatedAccountShowsItsTokenOnceAndTheTokenWorks() {
        ConsoleClient console = operator();
        assertThat(console.get("/console/operator").status()).isEqualTo(200);
        ConsoleClient.Page created = console.post("/console/operator/accounts", Map.of("name", "Bakery by console"));
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        Matcher id = ACCOUNT_PAGE.matcher(created.location().orElse(""));
        assertThat(id.find()).as(created.location().toString()).isTrue();
        String accountPath = "/console/operator/accounts/" + id.group(1);

        ConsoleClient.Page page = console.get(accountPath);
        assertThat(page.body()).contains("Bakery by console", "it will not be shown again");
        Api api = new Api(baseUrl(), tokenShownOn(page));
        assertThat(api.get("/v3/contact_lists").status()).isEqualTo(200);

        assertThat(console.get(accountPath).body()).doesNotContain("new-token");
        // The accounts list pages through every account of the installation (the shared test database
        // holds many), so the new one is checked on its own page.
        assertThat(console.get("/console/operator").status()).isEqualTo(200);
        assertThat(console.get(accountPath).body()).contains("Bakery by console", id.group(1));
    }

    @Test
    void disablingAnAccountRefusesItsTokenAndEnablingAdmitsItAgain() {
        NamedAccount account = namedAccount("Disable");
        ConsoleClient console = operator();
        String path = "/console/operator/accounts/" + account.id();
        console.get(path);

        assertThat(console.post(path + "/disable", Map.of()).status()).isEqualTo(302);
        assertThat(statusSettlingOn(account.api(), 403)).isEqualTo(403);
        assertThat(console.get(path).body()).contains("Disabled", "Enable the account");

        assertThat(console.post(path + "/enable", Map.of()).status()).isEqualTo(302);
        assertThat(statusSettlingOn(account.api(), 200)).isEqualTo(200);
    }

    @Test
    void anIssuedTokenIsShownOnceWorksAndIsRefusedOnceRevoked() {
        NamedAccount account = namedAccount("Tokens");
        ConsoleClient console = operator();
        String path = "/console/operator/accounts/" + account.id();
        console.get(path);
        assertThat(console.post(path + "/tokens", Map.of()).status()).isEqualTo(302);
        Api issued = new Api(baseUrl(), tokenShownOn(console.get(path)));
        assertThat(issued.get("/v3/contact_lists").status()).isEqualTo(200);

        String tokenId = admin().get("/admin/accounts/" + account.id() + "/api_tokens")
                .json()
                .get("api_tokens")
                .get(1)
                .get("token_id")
                .asString();
        assertThat(console.post(path + "/tokens/" + tokenId + "/revoke", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(statusSettlingOn(issued, 401)).isEqualTo(401);
        assertThat(account.api().get("/v3/contact_lists").status())
                .as("the first token is not touched")
                .isEqualTo(200);
    }

    @Test
    void aUserAddedByTheOperatorSignsInToTheAccountsConsole() {
        NamedAccount account = namedAccount("First user");
        ConsoleClient console = operator();
        String path = "/console/operator/accounts/" + account.id();
        console.get(path);
        String email = uniqueEmail("owner");
        ConsoleClient.Page added = console.post(
                path + "/users", Map.of("email", email, "password", ConsoleClient.PASSWORD, "role", "account_owner"));
        assertThat(added.status()).as(added.toString()).isEqualTo(302);
        assertThat(console.get(path).body()).contains(email, "can now sign in");

        ConsoleClient person = new ConsoleClient(baseUrl()).signIn(email);
        assertThat(person.get("/console/lists").body()).contains(email, "Account owner");

        ConsoleClient.Page refused =
                console.post(path + "/users", Map.of("email", uniqueEmail("short"), "password", "short", "role", "x"));
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void anUnknownAccountIsNotFound() {
        ConsoleClient console = operator();
        console.get("/console/operator");
        String missing = "/console/operator/accounts/00000000-0000-7000-8000-000000000000";
        assertThat(console.get(missing).status()).isEqualTo(404);
        assertThat(console.post(missing + "/disable", Map.of()).status()).isEqualTo(404);
        assertThat(console.post(missing + "/tokens", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aSignedInAccountUserCannotReachTheOperatorConsole() {
        NamedAccount account = namedAccount("Not operator");
        ConsoleClient user =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        user.get("/console/lists");
        ConsoleClient.Page page = user.get("/console/operator");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/console/operator/sign-in"));
        ConsoleClient.Page post = user.post("/console/operator/accounts/" + account.id() + "/disable", Map.of());
        assertThat(post.status()).isEqualTo(303);
        assertThat(account.api().get("/v3/contact_lists").status()).isEqualTo(200);
    }
}
