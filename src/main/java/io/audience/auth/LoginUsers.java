package io.audience.auth;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in by email and password. The signed-in principal is named by the user's id (the subject
 * of their tokens) and carries the account as an authority: Spring's own User type, which the
 * server can store with a grant and read back. A user whose failed attempts locked sign-in is
 * refused before the password is checked, so a locked account tells a guesser nothing; so is a
 * user of an account the operator disabled.
 */
@Component
class LoginUsers implements UserDetailsService {

    private final AccountUsers users;
    private final LoginAttempts attempts;
    private final Clock clock;

    LoginUsers(AccountUsers users, LoginAttempts attempts, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        AccountUsers.Login login =
                users.login(email).orElseThrow(() -> new UsernameNotFoundException("No user signs in with that email"));
        boolean locked = login.lockedUntil() != null && login.lockedUntil().isAfter(OffsetDateTime.now(clock));
        return User.withUsername(login.user().userId().toString())
                .password(login.passwordHash())
                .authorities(AccessTokenClaims.ACCOUNT_AUTHORITY + login.user().accountId())
                .accountLocked(locked)
                .disabled(login.accountDisabled())
                .build();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String email) {
            users.loginFailed(email);
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            attempts.failed(details.getRemoteAddress());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof User user) {
            users.loginSucceeded(java.util.UUID.fromString(user.getUsername()));
        }
    }
}
