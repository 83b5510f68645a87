package io.audience.account.web;

import io.audience.account.Authenticator;
import io.audience.account.Access;
import io.audience.account.AdminToken;
import io.audience.account.Caller;
import io.audience.api.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /admin/** needs the operator token; /v3/** an account's API token or an OAuth access token, sent
 * as the vendor's SDKs send them ({@code Authorization: Bearer}), or an API token as
 * {@code x-api-key}; a caller whose token or role does not allow the request gets 403.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AuthenticationFilter extends OncePerRequestFilter {

    private final Authenticator accounts;
    private final AdminToken adminToken;
    private final ErrorBodies errors;

    AuthenticationFilter(Authenticator accounts, AdminToken adminToken, ErrorBodies errors) {
        this.accounts = accounts;
        this.adminToken = adminToken;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> token = presentedToken(request);
        if (path.startsWith("/admin/")) {
            if (token.isEmpty() || !adminToken.matches(token.get())) {
                unauthorized(response);
                return;
            }
        } else if (path.startsWith("/v3/") && !path.startsWith("/v3/api-docs")) {
            Optional<Caller> caller = token.flatMap(accounts::authenticate);
            if (caller.isEmpty()) {
                unauthorized(response);
                return;
            }
            Optional<String> denied = Access.denial(caller.get(), request.getMethod(), path);
            if (denied.isPresent()) {
                errors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", denied.get());
                return;
            }
            request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        }
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized");
    }

    private static Optional<String> presentedToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        String apiKey = request.getHeader("x-api-key");
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
    }
}
