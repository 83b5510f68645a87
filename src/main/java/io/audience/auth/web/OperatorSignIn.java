package io.audience.auth.web;

import io.audience.api.ConsoleUser;
import io.audience.api.OperatorConsole;
import io.audience.api.PublicEndpoint;
import io.audience.auth.AdminToken;
import io.audience.auth.LoginAttempts;
import io.audience.web.Frame;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's way into the console: the operator token, typed once, opens a session of its
 * own (no account user is signed in with it). Wrong tokens count against the address like wrong
 * passwords, so the page is no oracle for guessing.
 */
@Controller
class OperatorSignIn {

    private final AdminToken adminToken;
    private final LoginAttempts attempts;

    OperatorSignIn(AdminToken adminToken, LoginAttempts attempts) {
        this.adminToken = adminToken;
        this.attempts = attempts;
    }

    @GetMapping(ConsoleSessions.OPERATOR_SIGN_IN)
    @PublicEndpoint("the operator's sign-in page; what it opens is checked against the operator token")
    String page(Frame frame, Model model, @RequestParam(required = false) @Nullable String error) {
        model.addAttribute("error", error != null);
        return "console/operator-sign-in";
    }

    @PostMapping(ConsoleSessions.OPERATOR_SIGN_IN)
    @PublicEndpoint("the operator's sign-in form; the token it carries is checked here, throttled per address")
    String signIn(HttpServletRequest request, @RequestParam(name = "token", defaultValue = "") String token) {
        String address = request.getRemoteAddr();
        if (attempts.blocked(address) || !adminToken.matches(token.strip())) {
            attempts.failed(address);
            return "redirect:" + ConsoleSessions.OPERATOR_SIGN_IN + "?error";
        }
        // A new session id, so a session fixed by someone else never becomes the operator's.
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ConsoleUser.OPERATOR_SESSION_ATTRIBUTE, true);
        return "redirect:/console/operator";
    }

    @PostMapping("/console/operator/sign-out")
    @OperatorConsole
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + ConsoleSessions.OPERATOR_SIGN_IN;
    }
}
