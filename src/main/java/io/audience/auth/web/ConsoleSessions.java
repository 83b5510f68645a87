package io.audience.auth.web;

import io.audience.api.Caller;
import io.audience.api.ConsoleUser;
import io.audience.api.Privilege;
import io.audience.api.Privileges;
import io.audience.api.Scopes;
import io.audience.auth.AccountUser;
import io.audience.auth.AccountUsers;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/**
 * Who a console request comes from: the user the session was signed in as, read again from the
 * database on every request, so a changed role or a disabled account counts at once, not at the
 * next sign-in. A browser that is not signed in is sent to the sign-in page (and back after it).
 */
@Component
class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);
    static final String SIGN_IN = "/login";
    static final String OPERATOR_SIGN_IN = "/console/operator/sign-in";

    private final AccountUsers users;
    private final Pages pages;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    ConsoleSessions(AccountUsers users, Pages pages) {
        this.users = users;
        this.pages = pages;
    }

    /** True when the request may go on; otherwise the answer is written. */
    boolean admitUser(HttpServletRequest request, HttpServletResponse response, Privilege privilege)
            throws IOException {
        Optional<UUID> userId = signedInUser(request);
        if (userId.isEmpty()) {
            toSignIn(request, response, SIGN_IN);
            return false;
        }
        Optional<AccountUsers.Standing> standing;
        try {
            standing = users.standing(userId.get());
        } catch (RuntimeException e) {
            log.error("Could not check the console user {}", userId.get(), e);
            refuse(response, 503, "Try again in a moment", "Your sign-in could not be checked just now.");
            return false;
        }
        if (standing.isEmpty() || standing.get().accountDisabled()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            toSignIn(request, response, SIGN_IN + "?ended");
            return false;
        }
        AccountUser user = standing.get().user();
        ConsoleUser person = new ConsoleUser(user.accountId(), user.userId(), user.emailAddress(), user.role());
        if (!person.may(privilege)) {
            refuse(
                    response,
                    403,
                    "Not for your role",
                    "Your role (" + person.roleName() + ") does not let you " + describe(privilege)
                            + ". An account owner can change your role.");
            return false;
        }
        Set<String> privileges = Privileges.BY_ROLE.getOrDefault(user.role(), Set.of());
        request.setAttribute(ConsoleUser.REQUEST_ATTRIBUTE, person);
        request.setAttribute(
                Caller.REQUEST_ATTRIBUTE,
                new Caller(
                        user.accountId(),
                        "console:user:" + user.userId(),
                        "console:user:" + user.userId(),
                        null,
                        Scopes.ALL,
                        privileges));
        return true;
    }

    boolean admitOperator(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(ConsoleUser.OPERATOR_SESSION_ATTRIBUTE))) {
            return true;
        }
        toSignIn(request, response, OPERATOR_SIGN_IN);
        return false;
    }

    private static Optional<UUID> signedInUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context)) {
            return Optional.empty();
        }
        Authentication authentication = context.getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof User user)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(user.getUsername()));
        } catch (IllegalArgumentException notAUser) {
            return Optional.empty();
        }
    }

    /**
     * A page load goes to the sign-in page and comes back after it; an htmx request is told to
     * load the sign-in page instead of swapping it into a part of the page; any other request is
     * refused, so a form posted after the session ended is never replayed.
     */
    private void toSignIn(HttpServletRequest request, HttpServletResponse response, String where) throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", where);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            requests.saveRequest(request, response);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", where);
    }

    private void refuse(HttpServletResponse response, int status, String title, String message) throws IOException {
        pages.write(response, status, "pages/message", Map.of("title", title, "message", message));
    }

    private static String describe(Privilege privilege) {
        return switch (privilege) {
            case CONTACTS_READ -> "see contacts";
            case CONTACTS_WRITE -> "change contacts";
            case LISTS_READ -> "see lists";
            case LISTS_WRITE -> "change lists, tags or custom fields";
            case ACCOUNT_READ -> "see the account's settings";
            case ACCOUNT_UPDATE -> "change the account's settings";
        };
    }
}
