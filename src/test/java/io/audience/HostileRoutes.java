package io.audience;

import io.audience.api.ConsolePage;
import io.audience.api.OperatorConsole;
import io.audience.api.OperatorOnly;
import io.audience.api.Privilege;
import io.audience.api.PublicEndpoint;
import io.audience.api.Requires;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Every route of the running service, read from its handler mappings (so a new endpoint is covered
 * without editing a test), with the callers it declares, and the ways an attacker can spell it.
 */
final class HostileRoutes {

    enum Guard {
        ANYONE,
        OPERATOR,
        ACCOUNT,
        CONSOLE,
        OPERATOR_CONSOLE
    }

    record Route(
            String method,
            String pattern,
            String path,
            @Nullable MediaType consumes,
            Guard guard,
            @Nullable Privilege privilege,
            boolean namesAnId) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}]+)}");

    private HostileRoutes() {}

    /** Every route, its variables replaced by {@code ids} (a random UUID for a variable not there). */
    static List<Route> all(ApplicationContext context, Map<String, String> ids) {
        List<Route> routes = new ArrayList<>();
        @SuppressWarnings("rawtypes")
        Map<String, AbstractHandlerMethodMapping> mappings = context.getBeansOfType(AbstractHandlerMethodMapping.class);
        for (AbstractHandlerMethodMapping<?> mapping : mappings.values()) {
            boolean actuator = mapping.getClass().getName().startsWith("org.springframework.boot.webmvc.actuate.");
            mapping.getHandlerMethods().forEach((key, handler) -> {
                if (!(key instanceof RequestMappingInfo info) || info.getPathPatternsCondition() == null) {
                    return;
                }
                Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                        info.getMethodsCondition().getMethods();
                List<String> verbs = methods.isEmpty()
                        ? List.of("GET")
                        : methods.stream().map(Enum::name).toList();
                MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .findFirst()
                        .orElse(null);
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    for (String verb : verbs) {
                        routes.add(route(verb, pattern, consumes, handler, actuator, ids));
                    }
                }
            });
        }
        AuthorizationServerSettings server = context.getBean(AuthorizationServerSettings.class);
        for (String endpoint : List.of(
                server.getTokenEndpoint(),
                server.getTokenRevocationEndpoint(),
                server.getTokenIntrospectionEndpoint())) {
            routes.add(new Route(
                    "POST", endpoint, endpoint, MediaType.APPLICATION_FORM_URLENCODED, Guard.ANYONE, null, false));
        }
        for (String endpoint : List.of(
                server.getAuthorizationEndpoint(),
                server.getJwkSetEndpoint(),
                "/.well-known/oauth-authorization-server")) {
            routes.add(new Route("GET", endpoint, endpoint, null, Guard.ANYONE, null, false));
        }
        return routes;
    }

    private static Route route(
            String verb,
            String pattern,
            @Nullable MediaType consumes,
            HandlerMethod handler,
            boolean actuator,
            Map<String, String> ids) {
        StringBuilder path = new StringBuilder();
        Matcher variable = VARIABLE.matcher(pattern.replace("/**", "/{*rest}"));
        boolean namesAnId = false;
        while (variable.find()) {
            String value = ids.get(variable.group(1));
            namesAnId |= value != null;
            variable.appendReplacement(
                    path,
                    Matcher.quoteReplacement(
                            value != null
                                    ? value
                                    : variable.group(1).equals("rest")
                                            ? "liveness"
                                            : UUID.randomUUID().toString()));
        }
        variable.appendTail(path);
        Guard guard;
        Privilege privilege = null;
        if (actuator) {
            guard = pattern.startsWith("/actuator/health") ? Guard.ANYONE : Guard.OPERATOR;
        } else if (!handler.getBeanType().getName().startsWith("io.audience.")) {
            guard = Guard.ANYONE;
        } else {
            Requires requires = declared(handler, Requires.class);
            ConsolePage page = declared(handler, ConsolePage.class);
            if (requires != null) {
                guard = Guard.ACCOUNT;
                privilege = requires.value();
            } else if (page != null) {
                guard = Guard.CONSOLE;
                privilege = page.value();
            } else if (declared(handler, OperatorConsole.class) != null) {
                guard = Guard.OPERATOR_CONSOLE;
            } else if (declared(handler, OperatorOnly.class) != null) {
                guard = Guard.OPERATOR;
            } else if (declared(handler, PublicEndpoint.class) != null) {
                guard = Guard.ANYONE;
            } else {
                throw new AssertionError("No policy on " + handler);
            }
        }
        return new Route(verb, pattern, path.toString(), consumes, guard, privilege, namesAnId);
    }

    private static <A extends java.lang.annotation.Annotation> @Nullable A declared(
            HandlerMethod handler, Class<A> type) {
        for (AnnotatedElement element : List.of(handler.getMethod(), handler.getBeanType())) {
            A found = AnnotatedElementUtils.findMergedAnnotation(element, type);
            boolean other = element == handler.getMethod()
                    && (AnnotatedElementUtils.hasAnnotation(element, Requires.class)
                            || AnnotatedElementUtils.hasAnnotation(element, ConsolePage.class)
                            || AnnotatedElementUtils.hasAnnotation(element, OperatorConsole.class)
                            || AnnotatedElementUtils.hasAnnotation(element, OperatorOnly.class)
                            || AnnotatedElementUtils.hasAnnotation(element, PublicEndpoint.class));
            if (found != null) {
                return found;
            }
            if (other) {
                return null;
            }
        }
        return null;
    }

    /** The canonical path and the spellings of it that must be refused (400) or routed no differently. */
    static List<String> spellings(String path) {
        List<String> segments = List.of(path.substring(1).split("/"));
        List<String> out = new ArrayList<>();
        out.add(path);
        out.add(join(segments, i -> encodeFirst(segments.get(i), "%%%02X")));
        out.add(join(segments, i -> i == 0 ? encodeFirst(segments.get(i), "%%25%02X") : segments.get(i)));
        out.add(join(segments, i -> segments.get(i) + ";x=1"));
        for (int i = 0; i < segments.size(); i++) {
            int at = i;
            out.add(join(segments, j -> j == at ? segments.get(j) + ";x=1" : segments.get(j)));
        }
        out.add("/" + segments.get(0) + "/." + rest(segments, 1));
        out.add("/" + segments.get(0) + "/x/.." + rest(segments, 1));
        out.add("/" + segments.get(0) + "/" + rest(segments, 1));
        out.add("/" + path);
        out.add(path + "/");
        if (segments.size() > 1) {
            out.add("/" + segments.get(0) + "%2F" + String.join("/", segments.subList(1, segments.size())));
            out.add("/" + segments.get(0) + "%5C" + String.join("/", segments.subList(1, segments.size())));
        }
        out.add(path + "%00");
        out.add("/" + segments.get(0) + "/%2e" + rest(segments, 1));
        return out;
    }

    private static String rest(List<String> segments, int from) {
        StringBuilder rest = new StringBuilder();
        for (int i = from; i < segments.size(); i++) {
            rest.append('/').append(segments.get(i));
        }
        return rest.toString();
    }

    private static String join(List<String> segments, java.util.function.IntFunction<String> each) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            out.append('/').append(each.apply(i));
        }
        return out.toString();
    }

    private static String encodeFirst(String segment, String format) {
        return segment.isEmpty() ? segment : String.format(format, (int) segment.charAt(0)) + segment.substring(1);
    }
}
