package io.audience.auth.web;

import io.audience.api.Caller;
import io.audience.api.ErrorBodies;
import io.audience.auth.Access;
import io.audience.auth.AdminToken;
import io.audience.auth.Authenticator;
import io.audience.auth.TokenCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one authentication and authorization decision of every request, before any other filter
 * of ours and before a handler: a path not in canonical form is refused (400); then the handler
 * the dispatcher will route to says who may reach it ({@link RoutePolicies}), and the presented
 * credential is checked against that: the operator token, or an account's API token or OAuth
 * access token ({@code Authorization: Bearer}, or an API token as {@code x-api-key}) with the
 * privilege the handler requires; for a console page, the browser's session ({@link
 * ConsoleSessions}). A refused request gets 401, 403 or, when the credential cannot
 * be checked (the database is down), 503, in the vendor's error format.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

    private final CanonicalPaths canonical = new CanonicalPaths();
    private final RoutePolicies policies;
    private final Authenticator accounts;
    private final AdminToken adminToken;
    private final ErrorBodies errors;
    private final ConsoleSessions console;

    RequestGate(
            RoutePolicies policies,
            Authenticator accounts,
            AdminToken adminToken,
            ErrorBodies errors,
            ConsoleSessions console) {
        this.console = console;
        this.policies = policies;
        this.accounts = accounts;
        this.adminToken = adminToken;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> notCanonical = canonical.problem(request);
        if (notCanonical.isPresent()) {
            errors.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "contacts.api.validation.error",
                    "The request path is not in canonical form: " + notCanonical.get());
            return;
        }
        Policy policy = policies.policyFor(request);
        switch (policy.kind()) {
            case ANYONE -> chain.doFilter(request, response);
            case OPERATOR -> {
                if (presentedToken(request).filter(adminToken::matches).isPresent()) {
                    chain.doFilter(request, response);
                } else {
                    unauthorized(response, "This endpoint needs the operator token");
                }
            }
            case ACCOUNT -> {
                Optional<Caller> caller = callerOf(request, response, policy);
                if (caller.isPresent()) {
                    request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
                    chain.doFilter(request, response);
                }
            }
            case CONSOLE -> {
                if (console.admitUser(request, response, Objects.requireNonNull(policy.privilege()))) {
                    chain.doFilter(request, response);
                }
            }
            case OPERATOR_CONSOLE -> {
                if (console.admitOperator(request, response)) {
                    chain.doFilter(request, response);
                }
            }
        }
    }

    /** The caller, or empty after answering why not. */
    private Optional<Caller> callerOf(HttpServletRequest request, HttpServletResponse response, Policy policy)
            throws IOException {
        Optional<String> token = presentedToken(request);
        if (token.isEmpty()) {
            unauthorized(response, "Send an API token or an OAuth access token as Authorization: Bearer <token>");
            return Optional.empty();
        }
        TokenCheck check;
        try {
            check = accounts.authenticate(token.get());
        } catch (RuntimeException e) {
            log.error("Could not check a token for {} {}", request.getMethod(), policy.route(), e);
            errors.write(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "service_unavailable",
                    "The token could not be checked just now; retry the request");
            return Optional.empty();
        }
        if (check instanceof TokenCheck.AccountDisabled disabled) {
            errors.write(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "forbidden",
                    "The account " + disabled.accountId()
                            + " is disabled by the operator; its tokens, users and apps are refused until it is enabled again");
            return Optional.empty();
        }
        if (!(check instanceof TokenCheck.Valid valid)) {
            unauthorized(response, "The token is not valid: unknown, revoked or expired");
            return Optional.empty();
        }
        Optional<String> denied = Access.denial(
                valid.caller(), Objects.requireNonNull(policy.privilege()), request.getMethod(), policy.route());
        if (denied.isPresent()) {
            errors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", denied.get());
            return Optional.empty();
        }
        return Optional.of(valid.caller());
    }

    private void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", message);
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
