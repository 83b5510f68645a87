package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DashboardIntegrationTest extends IntegrationTest {

    /** Seeds three contacts through the API: one deleted, one opted out by the person; returns their ids. */
    private static String[] seed(Api api, String kept, String deleted, String optedOut) {
        String keptId = createContact(api, kept).get("contact_id").asString();
        String deletedId = createContact(api, deleted).get("contact_id").asString();
        assertThat(api.delete("/v3/contacts/" + deletedId).status()).isEqualTo(204);
        String optedOutId = createContact(api, optedOut).get("contact_id").asString();
        Api.Response out = api.put("/v3/contacts/" + optedOutId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(optedOut)));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        return new String[] {keptId, deletedId, optedOutId};
    }

    @Test
    void countsTodaysChartAndLatestConsentChangesMatchWhatTheApiDid() {
        NamedAccount account = namedAccount("Dashboard");
        String kept = uniqueEmail("kept");
        String deleted = uniqueEmail("deleted");
        String optedOut = uniqueEmail("optedout");
        String[] ids = seed(account.api(), kept, deleted, optedOut);
        ConsoleClient console =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));

        ConsoleClient.Page page = console.get("/console/dashboard");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(count(page, "active")).isEqualTo(2);
        assertThat(count(page, "deleted")).isEqualTo(1);
        assertThat(count(page, "unsubscribed")).isEqualTo(1);
        assertThat(count(page, "pending")).isZero();
        assertThat(page.body()).contains("href=\"/console/contacts?state=pending_confirmation\"");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(page.body())
                .as("today's sign-ups, opt-outs and deletions")
                .contains("<tr><td>" + today + "</td><td>3</td><td>1</td><td>1</td></tr>");
        assertThat(page.body()).contains("role=\"img\"", "<title id=\"chart-title\">", "Sign-ups: 3", "Opt-outs: 1");
        assertThat(page.body())
                .as("the opt-out, newest first, linking to its contact")
                .containsPattern("<a href=\"/console/contacts/" + ids[2] + "\">" + Pattern.quote(optedOut)
                        + "</a></td>\\s*<td>[a-z ]+ → unsubscribed</td>\\s*<td>the person, by api</td>");
        assertThat(page.body().indexOf(optedOut)).isLessThan(page.body().indexOf(kept));
        assertThat(page.body()).contains("/console/contacts/" + ids[1], "/console/contacts/" + ids[0]);
    }

    @Test
    void anotherAccountsContactsNeverAppearOnTheDashboard() {
        NamedAccount a = namedAccount("Dashboard A");
        String theirs = uniqueEmail("theirs");
        String theirsDeleted = uniqueEmail("theirs-deleted");
        String theirsOut = uniqueEmail("theirs-out");
        seed(a.api(), theirs, theirsDeleted, theirsOut);
        NamedAccount b = namedAccount("Dashboard B");
        String ours = uniqueEmail("ours");
        createContact(b.api(), ours);
        ConsoleClient console =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), b.id(), "account_manager"));

        ConsoleClient.Page page = console.get("/console/dashboard");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(ours).doesNotContain(theirs, theirsDeleted, theirsOut);
        assertThat(count(page, "active")).isEqualTo(1);
        assertThat(count(page, "deleted")).isZero();
        assertThat(count(page, "unsubscribed")).isZero();
        ConsoleClient.Page running = console.htmx("GET", "/console/dashboard/activities", Map.of());
        assertThat(running.status()).isEqualTo(200);
        assertThat(running.body())
                .contains("id=\"running\"", "hx-trigger=\"every 2s\"", "No activity is running.")
                .doesNotContain("<html");
    }

    @Test
    void aCampaignCreatorIsRefusedTheDashboardAndItsFragment() {
        NamedAccount account = namedAccount("Dashboard roles");
        createContact(account.api(), uniqueEmail("hidden"));
        ConsoleClient console =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "campaign_creator"));

        ConsoleClient.Page page = console.get("/console/dashboard");
        ConsoleClient.Page fragment = console.htmx("GET", "/console/dashboard/activities", Map.of());

        assertThat(page.status()).as(page.toString()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("hidden-", "Contacts by state");
        assertThat(fragment.status()).isEqualTo(403);
        assertThat(console.get("/console").location().orElseThrow()).endsWith("/console/lists");
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        ConsoleClient.Page page = new ConsoleClient(baseUrl()).get("/console/dashboard");

        assertThat(page.status()).isIn(302, 303, 401);
        assertThat(page.location().orElse("")).contains("/login");
        assertThat(page.body()).doesNotContain("Contacts by state");
    }

    private static int count(ConsoleClient.Page page, String state) {
        Matcher m = Pattern.compile("id=\"count-" + state + "\"><span class=\"number\">(\\d+)</span>")
                .matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
