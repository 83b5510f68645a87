package io.audience;

import io.audience.HostileRoutes.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * without editing a test), with its variables filled from an account's ids, and the complete form
 * each page would post.
 */
final class ConsoleRouteSweep {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final ApplicationContext context;

    ConsoleRouteSweep(ApplicationContext context) {
        this.context = context;
    }

    /** A's ids as the console routes name them: the API's, an import's and a second user's. */
    static Map<String, String> fixtureOf(Api admin, IntegrationTest.NamedAccount a, String email) {
        Map<String, String> ids = RouteFixtures.of(admin, a.id(), a.api(), email, "Console");
        Api.Response imported =
                a.api().post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}], "list_ids": ["%s"]}""".formatted(email, ids.get("list_id"))));
        ids.put("import_id", imported.json().get("activity_id").asString());
        Api.Response user = admin.post("/admin/accounts/" + a.id() + "/users", Api.json("""
                {"email": "%s", "password": "%s", "role": "account_manager"}""".formatted(
                        IntegrationTest.uniqueEmail("console-user"), ConsoleClient.PASSWORD)));
        ids.put("user_id", user.json().get("user_id").asString());
        return ids;
    }

    /**
     * The form a page would post: every required field filled (text fields with {@code text}), so
     * that a refusal comes from who asks, never from a form that was incomplete.
     */
    Map<String, String> form(Route route, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("confirm", text);
        form.put("name", text);
        form.put("label", text);
        requestFields(route).forEach(form::putIfAbsent);
        return form;
    }

    /** The request a page would send: a GET, or a POST of a complete form (multipart where the route takes one). */
    ConsoleClient.Page send(ConsoleClient client, Route route, String text) {
        return send(client, route, form(route, text));
    }

    ConsoleClient.Page send(ConsoleClient client, Route route, Map<String, String> form) {
        if ("GET".equals(route.method())) {
            return client.get(route.path());
        }
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
                    body.getBytes(StandardCharsets.UTF_8));
        }
        return client.post(route.path(), form);
    }

    /** A plausible value for each of the handler's named request parameters, of its type. */
    private Map<String, String> requestFields(Route route) {
        Map<String, String> fields = new LinkedHashMap<>();
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
        String lower = name.toLowerCase(Locale.ROOT);
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
                ? IntegrationTest.uniqueEmail("form")
                : UUID.randomUUID().toString();
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
    List<Route> consoleRoutes(Map<String, String> ids) {
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
                                value != null ? value : UUID.randomUUID().toString()));
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
        String normalized = variable.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
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
}
