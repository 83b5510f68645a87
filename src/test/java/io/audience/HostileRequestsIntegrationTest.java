package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.HostileRoutes.Guard;
import io.audience.HostileRoutes.Route;
import io.audience.api.Privilege;
import io.audience.auth.OAuthApp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tries every route of the service as an attacker would: each path spelled eight and more ways,
 * each with no token, another account's token, and a token without the needed scope, privilege or
 * role. Nothing unauthorized succeeds, nothing answers 5xx, every non-canonical spelling is
 * refused alike, and no refused request reaches a handler.
 */
class HostileRequestsIntegrationTest extends IntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PROBE = "X-Probe";
    /** The probes whose request reached a handler. */
    static final Set<String> REACHED = ConcurrentHashMap.newKeySet();

    /** Records every request that reaches a handler, by its probe header. */
    @TestConfiguration
    static class ReachedHandlers implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                    String probe = request.getHeader(PROBE);
                    if (probe != null) {
                        REACHED.add(probe);
                    }
                    return true;
                }
            });
        }
    }

    @Autowired
    ApplicationContext context;

    private final AtomicInteger probes = new AtomicInteger();

    private record Credential(String name, @Nullable String token) {}

    private record Outcome(int status, String body, boolean reached, String location) {}

    @Test
    void noRouteSpelledAnyWayAnswersAnUnauthorizedCallerNorFailsNorReachesAHandlerWhenRefused() {
        Account a = account("A");
        Account b = account("B");
        Map<String, String> ids = fixtureOf(a);
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), a.id(), false);
        String accountOnly = app.tokens(OAuthApp.newUser(admin(), a.id(), "account_owner"), "account_read")
                .get("access_token")
                .asString();
        app.forgetSession();
        String contactsOnly = app.tokens(OAuthApp.newUser(admin(), a.id(), "account_owner"), "contact_data")
                .get("access_token")
                .asString();
        app.forgetSession();
        String creator = app.tokens(
                        OAuthApp.newUser(admin(), a.id(), "campaign_creator"),
                        "contact_data account_read account_update")
                .get("access_token")
                .asString();

        List<Route> routes = HostileRoutes.all(context, ids);
        assertThat(routes)
                .extracting(Route::pattern)
                .contains(
                        "/v3/contacts",
                        "/admin/accounts",
                        "/v3/contacts/{contact_id}",
                        "/actuator/prometheus",
                        "/confirm/{token}",
                        "/oauth2/token");
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Route route : routes) {
            List<Credential> credentials = List.of(
                    new Credential("none", null),
                    new Credential("another account's token", b.token()),
                    new Credential(
                            "a token without the privilege", lacking(route, a, accountOnly, contactsOnly, creator)));
            List<String> spellings = HostileRoutes.spellings(route.path());
            for (int s = 0; s < spellings.size(); s++) {
                for (Credential credential : credentials) {
                    Outcome outcome = send(route, spellings.get(s), credential.token());
                    tried++;
                    String what = route.method() + " " + spellings.get(s) + " with " + credential.name() + " -> "
                            + outcome.status() + " " + abbreviate(outcome.body());
                    check(route, s == 0, credential, outcome, ids, a)
                            .ifPresent(problem -> failures.add(problem + ": " + what));
                }
            }
        }
        System.out.printf(
                "Hostile requests: %d routes, %d requests tried, %d problems%n", routes.size(), tried, failures.size());
        assertThat(failures).as("requests tried: " + tried).isEmpty();
        assertThat(tried).isGreaterThan(routes.size() * 8 * 3);
    }

    @Test
    void aRawBackslashOrNulInThePathIsRefusedWithA400() throws IOException {
        for (String path : List.of("/admin\\outbox", "/v3\\contacts", "/admin/outbox\u0000", "/v3/con\u0000tacts")) {
            RawHttp.Answer answer = RawHttp.get(port, path, "localhost");
            assertThat(answer.statusLine()).as(path).startsWith("HTTP/1.1 400");
        }
    }

    /** The credential that must be refused for this route though it is a real one of account A. */
    private @Nullable String lacking(Route route, Account a, String accountOnly, String contactsOnly, String creator) {
        if (route.guard() == Guard.OPERATOR) {
            return a.token();
        }
        if (route.guard() != Guard.ACCOUNT || route.privilege() == null) {
            return creator;
        }
        Privilege needed = route.privilege();
        if (needed == Privilege.LISTS_READ) {
            return accountOnly;
        }
        if (needed == Privilege.ACCOUNT_READ || needed == Privilege.ACCOUNT_UPDATE) {
            return needed == Privilege.ACCOUNT_UPDATE ? creator : contactsOnly;
        }
        return needed.scope().equals("contact_data") && route.path().hashCode() % 2 == 0 ? accountOnly : creator;
    }

    private java.util.Optional<String> check(
            Route route,
            boolean canonical,
            Credential credential,
            Outcome outcome,
            Map<String, String> ids,
            Account a) {
        if (outcome.status() >= 500) {
            return java.util.Optional.of("5xx");
        }
        if (!canonical) {
            if (outcome.status() != 400) {
                return java.util.Optional.of("a non-canonical spelling was not refused with 400");
            }
            return outcome.reached()
                    ? java.util.Optional.of("a refused spelling reached a handler")
                    : java.util.Optional.empty();
        }
        boolean ok = outcome.status() >= 200 && outcome.status() < 300;
        switch (route.guard()) {
            case ANYONE -> {
                return java.util.Optional.empty();
            }
            case OPERATOR -> {
                if (outcome.status() != 401 || outcome.reached()) {
                    return java.util.Optional.of("the operator's endpoint did not refuse with 401 before its handler");
                }
            }
            case CONSOLE, OPERATOR_CONSOLE -> {
                // No token opens a console page: only the session does, so every one of these is sent to sign in.
                String signIn = route.guard() == Guard.CONSOLE ? "/login" : "/console/operator/sign-in";
                if (outcome.status() != 303 || !signIn.equals(outcome.location()) || outcome.reached()) {
                    return java.util.Optional.of("a console page did not send a caller without a session to " + signIn
                            + " before its handler");
                }
            }
            case ACCOUNT -> {
                boolean other = credential.name().startsWith("another");
                if (!other && (!Set.of(401, 403).contains(outcome.status()) || outcome.reached())) {
                    return java.util.Optional.of("an account endpoint did not refuse with 401/403 before its handler");
                }
                if (other && ok && route.namesAnId()) {
                    return java.util.Optional.of("another account's token succeeded on A's id");
                }
                boolean leaked = ids.values().stream()
                                .filter(id -> !route.path().contains(id))
                                .anyMatch(outcome.body()::contains)
                        || outcome.body().contains(a.email());
                if (other && leaked) {
                    return java.util.Optional.of("A's data leaked to another account");
                }
            }
        }
        return java.util.Optional.empty();
    }

    private Outcome send(Route route, String path, @Nullable String token) {
        String probe = "probe-" + probes.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header(PROBE, probe)
                .method(route.method(), body(route));
        if (route.consumes() != null) {
            request.header("Content-Type", contentType(route.consumes()));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(
                    response.statusCode(),
                    response.body(),
                    REACHED.contains(probe),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(Route route) {
        if (route.consumes() == null || Set.of("GET", "DELETE", "HEAD").contains(route.method())) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (route.consumes().isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            return HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\";"
                    + " filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nemail\r\nx@example.com\r\n--b--\r\n");
        }
        if (route.consumes().isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&token=x");
        }
        return HttpRequest.BodyPublishers.ofString("{\"name\": \"Hostile\"}");
    }

    private static String contentType(MediaType consumes) {
        return consumes.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)
                ? "multipart/form-data; boundary=b"
                : consumes.toString();
    }

    /** A's ids for the routes' variables; an export's activity is also its file's id. */
    private Map<String, String> fixtureOf(Account a) {
        Map<String, String> ids = RouteFixtures.of(admin(), a.id(), a.api(), a.email(), "Hostile");
        ids.put("file_export_id", ids.get("activity_id"));
        return ids;
    }

    private record Account(String id, String token, Api api, String email) {}

    private Account account(String name) {
        Api.Response created = admin().post("/admin/accounts", Api.object().put("name", "Hostile " + name));
        String token = created.json().get("api_token").asString();
        return new Account(
                created.json().get("account_id").asString(),
                token,
                new Api(baseUrl(), token),
                uniqueEmail("hostile-" + name.toLowerCase(Locale.ROOT)));
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
