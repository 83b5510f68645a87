package io.audience.auth.web;

import io.audience.auth.LoginAttempts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in from an address with too many recent failures before any password is checked,
 * with the same page as a wrong password, so the refusal tells a guesser nothing more.
 */
final class LoginThrottle extends OncePerRequestFilter {

    private final LoginAttempts attempts;

    LoginThrottle(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
                && "/login".equals(request.getServletPath())
                && attempts.blocked(request.getRemoteAddr())) {
            response.sendRedirect("/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
