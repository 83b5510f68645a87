package io.audience.web;

import io.audience.api.ConsoleUser;
import io.audience.api.Privilege;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every console page shows around its content: who is signed in (null for the operator),
 * the navigation they may use, and the CSRF token every form and htmx request carries.
 */
public record Frame(@Nullable ConsoleUser user, Csrf csrf) {

    /** The session's CSRF token: a hidden field in forms, a header on htmx requests. */
    public record Csrf(String parameterName, String headerName, String token) {

        /** The {@code hx-headers} value that sends the token with every htmx request. */
        public String hxHeaders() {
            return "{\"" + headerName + "\": \"" + token + "\"}";
        }
    }

    /** The frame of a console request (under /console/, where the CSRF filter leaves a token). */
    public static Frame of(HttpServletRequest request) {
        if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf)) {
            throw new IllegalStateException("No CSRF token: " + request.getRequestURI() + " is not under /console/");
        }
        ConsoleUser user = (ConsoleUser) request.getAttribute(ConsoleUser.REQUEST_ATTRIBUTE);
        return new Frame(user, new Csrf(csrf.getParameterName(), csrf.getHeaderName(), csrf.getToken()));
    }

    public boolean operator() {
        return user == null;
    }

    public boolean may(Privilege privilege) {
        return user != null && user.may(privilege);
    }

    public boolean owner() {
        return user != null && user.owner();
    }
}
