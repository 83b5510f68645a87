package io.audience.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Refuses a request whose path is not spelled the one way its handler is known by: Spring
 * Security's strict firewall (no {@code ;} parameters, {@code //}, {@code .} or {@code ..}
 * segments, backslash, NUL, encoded slash, period or percent, non-ASCII, unknown methods), and on
 * top of it no percent-encoding at all (no path of this service needs one, and {@code %61dmin}
 * routes as {@code admin}) and no trailing slash. The servlet container, Spring MVC and our own
 * filters then all see one path.
 */
final class CanonicalPaths {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    /** Why the path is refused, or empty when it is canonical. */
    Optional<String> problem(HttpServletRequest request) {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            return Optional.of(Objects.requireNonNullElse(e.getMessage(), "The request was rejected"));
        }
        String path = request.getRequestURI();
        if (path.indexOf('%') >= 0) {
            return Optional.of("The request path has percent-encoded characters; no path of this service needs one");
        }
        if (path.length() > 1 && path.endsWith("/")) {
            return Optional.of("The request path ends with a slash");
        }
        return Optional.empty();
    }
}
