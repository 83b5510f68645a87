package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.HostileRoutes.Guard;
import io.audience.HostileRoutes.Route;
import io.audience.api.Privilege;
import io.audience.api.Privileges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Every console route, read from the running service's handler mappings (so a new page is covered
 * without editing this test): with account A's ids, a user of account B gets 404 and never A's
 * data; A's own owner gets every page without a server error; a campaign creator is refused every
 * page their role does not grant.
 */
class ConsoleRoutesIntegrationTest extends IntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    ApplicationContext context;

    @Test
    void anotherAccountsIdsAnswer404OnEveryConsoleRouteAndNeverShowItsData() {
        NamedAccount a = namedAccount("Console A");
        NamedAccount b = namedAccount("Console B");
        String secret = uniqueEmail("secret-of-a");
        Map<String, String> ids = fixtureOf(a, secret);
        ConsoleClient intruder =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), b.id(), "account_owner"));
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Route route : consoleRoutes(ids)) {
            if (route.guard() != Guard.CONSOLE || !route.namesAnId()) {
                continue;
            }
            intruder.get("/console/lists");
            ConsoleClient.Page page = send(intruder, route, secret);
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
        Map<String, String> ids = fixtureOf(a, uniqueEmail("owner-page"));
        ConsoleClient owner =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), a.id(), "account_owner"));
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Route route : consoleRoutes(ids)) {
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
        Map<String, String> ids = fixtureOf(a, uniqueEmail("creator"));
        ConsoleClient creator =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), a.id(), "campaign_creator"));
        Set<String> granted = Privileges.BY_ROLE.get("campaign_creator");
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (Route route : consoleRoutes(ids)) {
            Privilege needed = route.privilege();
            if (route.guard() != Guard.CONSOLE || needed == null || granted.contains(needed.wireName())) {
                continue;
            }
            creator.get("/console/lists");
            ConsoleClient.Page page = send(creator, route, "Creator");
            refused++;
            if (page.status() != 403 || !page.body().contains("Campaign creator")) {
                failures.add(route.method() + " " + route.path() + " -> " + page.status());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(refused).isPositive();
        assertThat(creator.get("/console/contacts").status()).isEqualTo(403);
    }

    /**
     * The request a page would send: a GET, or a POST of a complete form (every required field
     * filled, a multipart body where the route takes one), so that a refusal comes from who asks,
     * never from a form that was incomplete.
     */
    private ConsoleClient.Page send(ConsoleClient client, Route route, String text) {
        if ("GET".equals(route.method())) {
            return client.get(route.path());
        }
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("confirm", text);
        form.put("name", text);
        form.put("label", text);
        requestFields(route).forEach(form::putIfAbsent);
        if (route.consumes() != null && route.consumes().isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            String body = String.join(
                    "\r\n",
                    "--b",
                    "Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"",
                    "Content-Type: text/csv",
                    "",
                    "email",
                    "x@example.com",
                    "--b--",
                    "");
            return client.postBody(
                    route.path() + "?_csrf=" + client.csrfToken(),
                    "multipart/form-data; boundary=b",
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return client.post(route.path(), form);
    }

    /** A plausible value for each of the handler's named request parameters, of its type. */
    private Map<String, String> requestFields(Route route) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (HandlerMethod handler : handlers(route)) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
                    continue;
                }
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                String name = !param.name().isEmpty()
                        ? param.name()
                        : !param.value().isEmpty() ? param.value() : String.valueOf(parameter.getParameterName());
                fields.put(name, plausible(name, parameter.getParameterType()));
            }
        }
        return fields;
    }

    private static String plausible(String name, Class<?> type) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "1";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (lower.contains("role")) {
            return "account_manager";
        }
        return lower.contains("email")
                ? uniqueEmail("form")
                : java.util.UUID.randomUUID().toString();
    }

    private List<HandlerMethod> handlers(Route route) {
        List<HandlerMethod> found = new ArrayList<>();
        for (AbstractHandlerMethodMapping<?> mapping :
                context.getBeansOfType(AbstractHandlerMethodMapping.class).values()) {
            mapping.getHandlerMethods().forEach((key, handler) -> {
                if (key instanceof RequestMappingInfo info
                        && info.getPatternValues().contains(route.pattern())
                        && (info.getMethodsCondition().getMethods().isEmpty()
                                || info.getMethodsCondition().getMethods().stream()
                                        .anyMatch(m -> m.name().equals(route.method())))) {
                    found.add(handler);
                }
            });
        }
        return found;
    }

    /** The console's routes, their variables named after the API's ids wherever the name or the path says which. */
    private List<Route> consoleRoutes(Map<String, String> ids) {
        Map<String, String> byVariable = new HashMap<>(ids);
        List<Route> routes = new ArrayList<>();
        for (Route route : HostileRoutes.all(context, Map.of())) {
            if (!route.pattern().startsWith("/console")) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            Matcher variable = VARIABLE.matcher(route.pattern());
            boolean namesAnId = false;
            while (variable.find()) {
                String value = idFor(variable.group(1), route.pattern().substring(0, variable.start()), byVariable);
                namesAnId |= value != null;
                variable.appendReplacement(
                        path,
                        Matcher.quoteReplacement(
                                value != null
                                        ? value
                                        : java.util.UUID.randomUUID().toString()));
            }
            variable.appendTail(path);
            routes.add(new Route(
                    route.method(),
                    route.pattern(),
                    path.toString(),
                    route.consumes(),
                    route.guard(),
                    route.privilege(),
                    namesAnId));
        }
        return routes;
    }

    private static String idFor(String variable, String before, Map<String, String> ids) {
        String normalized = variable.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (id.getKey().replace("_", "").equals(normalized)) {
                return id.getValue();
            }
        }
        String[] segments = before.split("/");
        String owner = segments.length == 0 ? "" : segments[segments.length - 1];
        return switch (owner) {
            case "contacts" -> ids.get("contact_id");
            case "lists" -> ids.get("list_id");
            case "tags" -> ids.get("tag_id");
            case "fields" -> ids.get("custom_field_id");
            case "imports" -> ids.get("import_id");
            case "exports", "activities" -> ids.get("activity_id");
            case "tokens" -> ids.get("token_id");
            case "users" -> ids.get("user_id");
            default -> null;
        };
    }

    private Map<String, String> fixtureOf(NamedAccount a, String email) {
        Map<String, String> ids = RouteFixtures.of(admin(), a.id(), a.api(), email, "Console");
        Api.Response imported =
                a.api().post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}], "list_ids": ["%s"]}""".formatted(email, ids.get("list_id"))));
        ids.put("import_id", imported.json().get("activity_id").asString());
        Api.Response user = admin().post("/admin/accounts/" + a.id() + "/users", Api.json("""
                {"email": "%s", "password": "%s", "role": "account_manager"}""".formatted(
                        uniqueEmail("console-user"), ConsoleClient.PASSWORD)));
        ids.put("user_id", user.json().get("user_id").asString());
        return ids;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
