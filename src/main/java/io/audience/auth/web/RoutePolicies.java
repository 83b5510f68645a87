package io.audience.auth.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.OperatorConsole;
import io.audience.api.OperatorOnly;
import io.audience.api.PublicEndpoint;
import io.audience.api.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds the handler the dispatcher will route a request to, by asking the dispatcher's own handler
 * mappings in its order, and says who may reach it: so the decision is made on the path that is
 * routed, however the request spelled it. Every handler of this service declares its callers
 * ({@link Requires}, {@link OperatorOnly}, {@link PublicEndpoint}); the service does not start
 * when one does not. Handlers of libraries: the actuator's need the operator, except health; the
 * API description, error and resource handlers are public; any other needs the operator.
 */
@Component
class RoutePolicies implements SmartInitializingSingleton {

    private static final String OURS = "io.audience.";
    private static final List<String> PUBLIC_LIBRARY_HANDLERS = List.of(
            "org.springdoc.",
            "org.springframework.web.servlet.",
            "org.springframework.boot.webmvc.autoconfigure.error.");
    private static final String ACTUATOR = "org.springframework.boot.webmvc.actuate.";

    private final ApplicationContext context;
    private final ObjectProvider<PathMappedEndpoints> actuatorPaths;
    private final Map<HandlerMethodKey, Policy> declared = new ConcurrentHashMap<>();
    private List<HandlerMapping> mappings = List.of();
    private @Nullable String healthPath;

    RoutePolicies(ApplicationContext context, ObjectProvider<PathMappedEndpoints> actuatorPaths) {
        this.context = context;
        this.actuatorPaths = actuatorPaths;
    }

    private record HandlerMethodKey(Class<?> type, java.lang.reflect.Method method) {}

    @Override
    public void afterSingletonsInstantiated() {
        List<HandlerMapping> found = new ArrayList<>(
                BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false)
                        .values());
        AnnotationAwareOrderComparator.sort(found);
        mappings = List.copyOf(found);
        PathMappedEndpoints endpoints = actuatorPaths.getIfAvailable();
        healthPath = endpoints == null ? null : endpoints.getPath(EndpointId.of("health"));
        List<String> undeclared = new ArrayList<>();
        for (HandlerMapping mapping : mappings) {
            if (mapping instanceof AbstractHandlerMethodMapping<?> methods && !isActuator(mapping)) {
                methods.getHandlerMethods().forEach((info, method) -> {
                    if (!isOurs(method)) {
                        return;
                    }
                    Policy policy = declaredPolicy(method, info.toString());
                    if (policy == null) {
                        undeclared.add(info + " " + method);
                    } else if (isConsole(policy) && !underConsole(info)) {
                        // Only /console/** is in the session chain that checks CSRF tokens.
                        undeclared.add("(a console page outside /console/) " + info + " " + method);
                    }
                });
            }
        }
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("These handlers do not say who may call them (@Requires, @ConsolePage, "
                    + "@OperatorOnly, @OperatorConsole or @PublicEndpoint), or take a Caller without @Requires or "
                    + "@ConsolePage: " + undeclared);
        }
    }

    /** The policy of the handler that will serve {@code request}. */
    Policy policyFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Probe probe = new Probe(request);
        ServletRequestPathUtils.parseAndCache(probe);
        for (HandlerMapping mapping : mappings) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(probe);
            } catch (Exception noMatch) {
                // The dispatcher answers this itself (405, 406, 415) and runs no handler.
                return Policy.anyone(path);
            }
            if (chain != null) {
                Object pattern = probe.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                return policyOf(mapping, chain.getHandler(), pattern == null ? path : pattern.toString());
            }
        }
        // No handler: a 404, or an endpoint of the authorization server, whose own filters decide.
        return Policy.anyone(path);
    }

    private Policy policyOf(HandlerMapping mapping, Object handler, String route) {
        if (isActuator(mapping)) {
            boolean health = healthPath != null && (route.equals(healthPath) || route.startsWith(healthPath + "/"));
            return health ? Policy.anyone(route) : Policy.operator(route);
        }
        if (handler instanceof HandlerMethod method) {
            if (isOurs(method)) {
                Policy policy = declared.computeIfAbsent(
                        new HandlerMethodKey(method.getBeanType(), method.getMethod()),
                        key -> declaredPolicy(method, route));
                // Unreachable after the start-up check; a handler without a policy is nobody's.
                return policy == null ? Policy.operator(route) : new Policy(policy.kind(), policy.privilege(), route);
            }
            return isPublicLibrary(method.getBeanType()) ? Policy.anyone(route) : Policy.operator(route);
        }
        return isPublicLibrary(handler.getClass()) ? Policy.anyone(route) : Policy.operator(route);
    }

    private static @Nullable Policy declaredPolicy(HandlerMethod method, String route) {
        Policy policy = declaredOn(method.getMethod(), route);
        if (policy == null) {
            policy = declaredOn(method.getBeanType(), route);
        }
        boolean takesCaller = java.util.Arrays.stream(method.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == Caller.class);
        if (policy != null && takesCaller && !policy.hasCaller()) {
            return null;
        }
        return policy;
    }

    private static @Nullable Policy declaredOn(AnnotatedElement element, String route) {
        Requires requires = AnnotatedElementUtils.findMergedAnnotation(element, Requires.class);
        ConsolePage page = AnnotatedElementUtils.findMergedAnnotation(element, ConsolePage.class);
        boolean operator = AnnotatedElementUtils.hasAnnotation(element, OperatorOnly.class);
        boolean operatorConsole = AnnotatedElementUtils.hasAnnotation(element, OperatorConsole.class);
        boolean anyone = AnnotatedElementUtils.hasAnnotation(element, PublicEndpoint.class);
        int declarations = (requires != null ? 1 : 0)
                + (page != null ? 1 : 0)
                + (operator ? 1 : 0)
                + (operatorConsole ? 1 : 0)
                + (anyone ? 1 : 0);
        if (declarations != 1) {
            return null;
        }
        if (requires != null) {
            return Policy.account(requires.value(), route);
        }
        if (page != null) {
            return Policy.console(page.value(), route);
        }
        if (operatorConsole) {
            return Policy.operatorConsole(route);
        }
        return operator ? Policy.operator(route) : Policy.anyone(route);
    }

    private static boolean isConsole(Policy policy) {
        return policy.kind() == Policy.Kind.CONSOLE || policy.kind() == Policy.Kind.OPERATOR_CONSOLE;
    }

    private static boolean underConsole(Object mapping) {
        return mapping instanceof RequestMappingInfo info
                && !info.getPatternValues().isEmpty()
                && info.getPatternValues().stream()
                        .allMatch(pattern -> pattern.equals("/console") || pattern.startsWith("/console/"));
    }

    private static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getName().startsWith(OURS);
    }

    private static boolean isActuator(HandlerMapping mapping) {
        return mapping.getClass().getName().startsWith(ACTUATOR);
    }

    private static boolean isPublicLibrary(Class<?> type) {
        return PUBLIC_LIBRARY_HANDLERS.stream().anyMatch(type.getName()::startsWith);
    }

    /**
     * The request as the mappings see it, with attributes of its own: a mapping records what it
     * matched in request attributes, and the dispatcher must start from a clean request.
     */
    private static final class Probe extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
            Enumeration<String> names = request.getAttributeNames();
            while (names.hasMoreElements()) {
                String name = names.nextElement();
                attributes.put(name, request.getAttribute(name));
            }
            // Else every probe that matches nothing logs "no mapping" as the dispatcher would.
            attributes.put(
                    org.springframework.web.servlet.handler.AbstractHandlerMapping.class.getName()
                            + ".SUPPRESS_LOGGING",
                    true);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
