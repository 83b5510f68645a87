package io.audience.auth.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.ConsoleUser;
import io.audience.api.Limits;
import io.audience.api.NotFound;
import io.audience.api.Privilege;
import io.audience.auth.AccountUser;
import io.audience.auth.AccountUsers;
import io.audience.web.Frame;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's users, for its owners only: managers hold every privilege, so the gate admits
 * them, and this controller refuses them (403) on every route. The same rules as the operator's
 * {@code POST /admin/accounts/{id}/users} apply ({@link AccountUsers#create}).
 */
@Controller
@ConsolePage(Privilege.ACCOUNT_READ)
class UserPages {

    private final AccountUsers users;

    UserPages(AccountUsers users) {
        this.users = users;
    }

    /** Thrown before anything is read or changed when the person is not an account owner. */
    static final class OwnersOnly extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final String MESSAGE = "Only an account owner can see and change the account's users.";

        OwnersOnly() {
            super(MESSAGE);
        }
    }

    @GetMapping("/console/settings/users")
    String list(Frame frame, Caller caller, Model model) {
        ConsoleUser me = requireOwner(frame);
        model.addAttribute("users", users.list(caller.accountId()));
        model.addAttribute("me", me.userId());
        return "settings/users";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/users")
    String add(
            Frame frame,
            Caller caller,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        requireOwner(frame);
        AccountUser user = users.create(caller.accountId(), new AccountUsers.NewUser(email, password, role));
        redirect.addFlashAttribute(
                "notice",
                user.emailAddress()
                        + " can sign in now, with the password you chose; tell them through another channel.");
        return "redirect:/console/settings/users";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/users/{user_id}/role")
    String changeRole(
            Frame frame,
            Caller caller,
            @PathVariable("user_id") String userId,
            @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        requireOwner(frame);
        AccountUser user = users.changeRole(caller.accountId(), Limits.uuid("user", userId), role);
        redirect.addFlashAttribute("notice", user.emailAddress() + " is now " + roleName(user.role()) + ".");
        return "redirect:/console/settings/users";
    }

    /** Asks before removing: the person's session and apps stop working at once. */
    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @GetMapping("/console/settings/users/{user_id}/remove")
    String confirmRemove(Frame frame, Caller caller, @PathVariable("user_id") String userId, Model model) {
        requireOwner(frame);
        UUID id = Limits.uuid("user", userId);
        model.addAttribute(
                "user",
                users.list(caller.accountId()).stream()
                        .filter(user -> user.userId().equals(id))
                        .findFirst()
                        .orElseThrow(() -> new NotFound("No user " + id + " in this account")));
        return "settings/user-remove";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping("/console/settings/users/{user_id}/remove")
    String remove(Frame frame, Caller caller, @PathVariable("user_id") String userId, RedirectAttributes redirect) {
        ConsoleUser me = requireOwner(frame);
        AccountUser removed = users.remove(caller.accountId(), me.userId(), Limits.uuid("user", userId));
        redirect.addFlashAttribute("notice", removed.emailAddress() + " is removed and signed out.");
        return "redirect:/console/settings/users";
    }

    @ExceptionHandler(OwnersOnly.class)
    ModelAndView ownersOnly(OwnersOnly refused, HttpServletRequest request) {
        return new ModelAndView(
                "console/refused",
                Map.of("frame", Frame.of(request), "title", "Not for your role", "message", OwnersOnly.MESSAGE),
                HttpStatus.FORBIDDEN);
    }

    private static ConsoleUser requireOwner(Frame frame) {
        @Nullable ConsoleUser user = frame.user();
        if (user == null || !user.owner()) {
            throw new OwnersOnly();
        }
        return user;
    }

    static String roleName(String role) {
        return switch (role) {
            case "account_owner" -> "an account owner";
            case "account_manager" -> "an account manager";
            case "campaign_creator" -> "a campaign creator";
            default -> role;
        };
    }
}
