package io.audience.auth;

import io.audience.account.AccountService;
import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.api.Privileges;
import io.audience.api.ValidationFailed;
import io.audience.consent.EmailAddresses;
import io.audience.identity.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people of an account who sign in to authorise apps, and their sign-in attempts. */
@Service
public class AccountUsers {

    /** BCrypt reads at most 72 bytes of a password; a longer one would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MIN_PASSWORD_LENGTH = 12;

    static final String OWNER = "account_owner";

    private final UserRepository users;
    private final GrantRemovalRepository grants;
    private final AccountService accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountUsers(
            UserRepository users,
            GrantRemovalRepository grants,
            AccountService accounts,
            PasswordEncoder passwords,
            Clock clock) {
        this.users = users;
        this.grants = grants;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** What sign-in needs: the user, the password's hash, and until when sign-in is refused. */
    public record Login(
            AccountUser user, String passwordHash, @Nullable OffsetDateTime lockedUntil, boolean accountDisabled) {}

    /** A user as their signed-in session sees them now. */
    public record Standing(AccountUser user, boolean accountDisabled) {}

    /** A user as the account's owners see them in the console: never the password's hash. */
    public record Member(UUID userId, String email, String role, OffsetDateTime createdAt, boolean locked) {}

    public record NewUser(
            @Nullable String email,
            @Nullable String password,
            @Nullable String role) {}

    @Transactional
    public AccountUser create(UUID accountId, NewUser request) {
        if (!accounts.exists(accountId)) {
            throw new NotFound("No account " + accountId);
        }
        String email = request.email() == null ? "" : request.email();
        String emailKey = EmailAddresses.key("email", email);
        String role = checkRole(request.role());
        checkPassword(request.password(), emailKey);
        AccountUser user =
                new AccountUser(accountId, Ids.next(), emailKey, EmailAddresses.display("email", email), role);
        String hash = Objects.requireNonNull(passwords.encode(request.password()), "a password encodes to a hash");
        if (!users.insert(user, hash, OffsetDateTime.now(clock))) {
            throw new Conflict(
                    "A user with the email " + emailKey + " already exists; an email signs in to one account",
                    Map.of("email", emailKey));
        }
        return user;
    }

    @Transactional(readOnly = true)
    public List<Member> list(UUID accountId) {
        return users.members(accountId, OffsetDateTime.now(clock));
    }

    /** Any role, except that the account keeps at least one owner. */
    @Transactional
    public AccountUser changeRole(UUID accountId, UUID userId, @Nullable String role) {
        String newRole = checkRole(role);
        List<UUID> owners = users.lockOwners(accountId);
        AccountUser user = users.find(accountId, userId).orElseThrow(() -> noUser(userId));
        if (!newRole.equals(OWNER) && owners.equals(List.of(userId))) {
            throw lastOwner(user);
        }
        users.changeRole(accountId, userId, newRole);
        return new AccountUser(accountId, userId, user.emailKey(), user.emailAddress(), newRole);
    }

    /**
     * Removes the user and ends their apps' grants; their console session ends at its next request
     * (the gate finds no user). Nobody removes themselves, and the last owner stays.
     */
    @Transactional
    public AccountUser remove(UUID accountId, UUID byUserId, UUID userId) {
        if (userId.equals(byUserId)) {
            throw new Conflict("You cannot remove yourself; another account owner can");
        }
        List<UUID> owners = users.lockOwners(accountId);
        AccountUser user = users.find(accountId, userId).orElseThrow(() -> noUser(userId));
        if (owners.equals(List.of(userId))) {
            throw lastOwner(user);
        }
        users.delete(accountId, userId);
        grants.deleteOfUser(userId.toString());
        return user;
    }

    private static String checkRole(@Nullable String role) {
        if (role == null || !Privileges.BY_ROLE.containsKey(role)) {
            throw new ValidationFailed("role must be one of account_owner, account_manager, campaign_creator");
        }
        return role;
    }

    private static NotFound noUser(UUID userId) {
        return new NotFound("No user " + userId + " in this account");
    }

    private static Conflict lastOwner(AccountUser user) {
        return new Conflict(user.emailAddress()
                + " is the account's only owner: make another user an owner first, so the account always has one");
    }

    static void checkPassword(@Nullable String password, String emailKey) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new ValidationFailed("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ValidationFailed("password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        if (password.strip().equalsIgnoreCase(emailKey)) {
            throw new ValidationFailed("password must not be the email address");
        }
    }

    /** How many users each account has, for the operator's overview. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> counts(Collection<UUID> accountIds) {
        return accountIds.isEmpty() ? Map.of() : users.counts(accountIds);
    }

    @Transactional(readOnly = true)
    public Optional<Login> login(String email) {
        try {
            return users.findLogin(EmailAddresses.key("username", email));
        } catch (ValidationFailed notAnAddress) {
            return Optional.empty();
        }
    }

    /** The user a console session was signed in as, with their role and account as they are now. */
    @Transactional(readOnly = true)
    public Optional<Standing> standing(UUID userId) {
        return users.findStanding(userId);
    }

    /** The address of the user a signed-in principal names (by user id). */
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String userId) {
        try {
            return users.emailOf(UUID.fromString(userId));
        } catch (IllegalArgumentException notAUserId) {
            return Optional.empty();
        }
    }

    @Transactional
    public void loginFailed(String email) {
        try {
            users.recordFailure(EmailAddresses.key("username", email), OffsetDateTime.now(clock));
        } catch (ValidationFailed notAnAddress) {
            // nobody to count it against
        }
    }

    @Transactional
    public void loginSucceeded(UUID userId) {
        users.recordSuccess(userId);
    }
}
