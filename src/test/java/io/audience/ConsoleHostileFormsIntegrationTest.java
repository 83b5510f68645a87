package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.HostileRoutes.Guard;
import io.audience.HostileRoutes.Route;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every console form and search, posted by the account's own owner with what an attacker or a
 * careless paste would put in it: a NUL, a 70,000-character value, bidi and zero-width
 * characters, markup, a broken percent escape. Each answer is a page or a refusal, never a
 * server error, and markup typed in comes back escaped, never as markup.
 */
class ConsoleHostileFormsIntegrationTest extends IntegrationTest {

    private static final String MARKUP = "<script>alert('console')</script>";

    private static final List<String> HOSTILE =
            List.of("nul\u0000byte", "x".repeat(70_000), "\u202Egnp.exe\u200B\uFEFF", MARKUP, "Ω≈ç√ 😀 名前", " ", "");

    @Autowired
    ApplicationContext context;

    @Test
    void noConsoleFormAnswersHostileValuesWithAServerErrorOrEchoesMarkup() {
        NamedAccount a = namedAccount("Console hostile");
        ConsoleRouteSweep sweep = new ConsoleRouteSweep(context);
        Map<String, String> ids = ConsoleRouteSweep.fixtureOf(admin(), a, uniqueEmail("hostile-form"));
        ConsoleClient owner =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), a.id(), "account_owner"));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int sent = 0;
        for (Route route : sweep.consoleRoutes(ids)) {
            if (route.guard() != Guard.CONSOLE
                    || !"POST".equals(route.method())
                    || route.path().contains("sign-out")) {
                continue;
            }
            for (String value : HOSTILE) {
                Map<String, String> textOnly = sweep.form(route, value);
                Map<String, String> everyField = new LinkedHashMap<>(textOnly);
                everyField.replaceAll((name, plausible) -> value);
                for (Map<String, String> form : List.of(textOnly, everyField)) {
                    owner.get("/console/lists"); // a page's CSRF token, as a browser would hold
                    ConsoleClient.Page page = sweep.send(owner, route, form);
                    statuses.merge(page.status(), 1, Integer::sum);
                    sent++;
                    check(failures, "POST " + route.path() + " " + describe(value), page);
                }
            }
            owner.get("/console/lists");
            ConsoleClient.Page broken = owner.postBody(
                    route.path(),
                    "application/x-www-form-urlencoded",
                    ("_csrf=" + URLEncoder.encode(owner.csrfToken(), StandardCharsets.UTF_8)
                                    + "&name=%ZZ&label=%&confirm=%C3")
                            .getBytes(StandardCharsets.UTF_8));
            sent++;
            check(failures, "POST " + route.path() + " with broken percent escapes", broken);
        }
        assertThat(failures)
                .as("requests sent: " + sent + ", statuses: " + statuses)
                .isEmpty();
        assertThat(sent).isGreaterThan(100);
        assertThat(statuses.getOrDefault(403, 0))
                .as("the owner's forms reach their handlers, not a CSRF or role refusal: " + statuses)
                .isZero();
        System.out.println("console hostile forms: " + sent + " requests, statuses " + statuses);
    }

    @Test
    void theContactSearchAnswersHostileTermsAndCursorsWithAPageOrA400() throws IOException {
        NamedAccount a = namedAccount("Console hostile search");
        ConsoleClient owner =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), a.id(), "account_owner"));
        List<String> failures = new ArrayList<>();
        for (String value : HOSTILE) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (String query : List.of("q=", "after=", "state=", "list=", "tag=", "q=a&after=")) {
                ConsoleClient.Page page = owner.get("/console/contacts?" + query + encoded);
                check(failures, "GET /console/contacts?" + query + describe(value), page);
            }
        }
        for (String raw : List.of("q=%ZZ", "q=%", "after=%C3", "q=%00", "q=%25%5F%5C", "q=%E2%80%AE", "state=%FF")) {
            RawHttp.Answer answer = RawHttp.send(
                    port,
                    "GET /console/contacts?" + raw + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + owner.cookieHeader()
                            + "\r\nConnection: close\r\n\r\n");
            if (!answer.statusLine().matches("HTTP/1.1 [234]\\d\\d.*")) {
                failures.add("GET /console/contacts?" + raw + " -> " + answer.statusLine());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String request, ConsoleClient.Page page) {
        if (page.status() >= 500) {
            failures.add(request + " -> " + page.status() + " " + abbreviate(page.body()));
        }
        if (page.body().contains(MARKUP)) {
            failures.add(request + " -> echoed the markup unescaped");
        }
    }

    private static String describe(String value) {
        return value.length() > 40 ? value.length() + " characters" : "'" + value.replace("\u0000", "\\0") + "'";
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
