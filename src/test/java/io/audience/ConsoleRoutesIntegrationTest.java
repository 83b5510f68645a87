package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.HostileRoutes.Guard;
import io.audience.HostileRoutes.Route;
import io.audience.api.Privilege;
import io.audience.api.Privileges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every console route, read from the running service's handler mappings (so a new page is covered
 * without editing this test): with account A's ids, a user of account B gets 404 and never A's
 * data; A's own owner gets every page without a server error; a campaign creator is refused every
 * page their role does not grant.
 */
class ConsoleRoutesIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private ConsoleRouteSweep sweep() {
        return new ConsoleRouteSweep(context);
    }

    @Test
    void anotherAccountsIdsAnswer404OnEveryConsoleRouteAndNeverShowItsData() {
        NamedAccount a = namedAccount("Console A");
        NamedAccount b = namedAccount("Console B");
        String secret = uniqueEmail("secret-of-a");
        Map<String, String> ids = ConsoleRouteSweep.fixtureOf(admin(), a, secret);
        ConsoleClient intruder =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), b.id(), "account_owner"));
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Route route : sweep().consoleRoutes(ids)) {
            if (route.guard() != Guard.CONSOLE || !route.namesAnId()) {
                continue;
            }
            intruder.get("/console/lists");
            ConsoleClient.Page page = sweep().send(intruder, route, secret);
            tried++;
            if (page.status() != 404) {
                failures.add(route.method() + " " + route.path() + " -> " + page.status());
            }
            if (page.body().contains(secret)) {
                failures.add(route.method() + " " + route.path() + " showed A's contact");
            }
        }
        assertThat(failures).as("routes tried: " + tried).isEmpty();
        assertThat(tried).isPositive();
    }

    @Test
    void everyConsolePageRendersForItsOwnAccountsOwnerWithoutAServerError() {
        NamedAccount a = namedAccount("Console owner");
        Map<String, String> ids = ConsoleRouteSweep.fixtureOf(admin(), a, uniqueEmail("owner-page"));
        ConsoleClient owner =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), a.id(), "account_owner"));
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Route route : sweep().consoleRoutes(ids)) {
            if (route.guard() != Guard.CONSOLE || !"GET".equals(route.method())) {
                continue;
            }
            ConsoleClient.Page page = owner.get(route.path());
            tried++;
            if (page.status() >= 500 || page.status() == 403) {
                failures.add("GET " + route.path() + " -> " + page.status() + " " + abbreviate(page.body()));
            }
        }
        assertThat(failures).as("pages tried: " + tried).isEmpty();
        assertThat(tried).isGreaterThan(3);
    }

    @Test
    void aCampaignCreatorIsRefusedEveryConsolePageTheirRoleDoesNotGrant() {
        NamedAccount a = namedAccount("Console creator");
        Map<String, String> ids = ConsoleRouteSweep.fixtureOf(admin(), a, uniqueEmail("creator"));
        ConsoleClient creator =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), a.id(), "campaign_creator"));
        Set<String> granted = Privileges.BY_ROLE.get("campaign_creator");
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (Route route : sweep().consoleRoutes(ids)) {
            Privilege needed = route.privilege();
            if (route.guard() != Guard.CONSOLE || needed == null || granted.contains(needed.wireName())) {
                continue;
            }
            creator.get("/console/lists");
            ConsoleClient.Page page = sweep().send(creator, route, "Creator");
            refused++;
            if (page.status() != 403 || !page.body().contains("Campaign creator")) {
                failures.add(route.method() + " " + route.path() + " -> " + page.status());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(refused).isPositive();
        assertThat(creator.get("/console/contacts").status()).isEqualTo(403);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
