package io.audience.account;

import io.audience.api.NotFound;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their API tokens, as the operator manages them. */
@Service
public class AccountService {

    /** A token's last use is recorded to this precision, so a busy token costs no write per request. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final AccountRepository accounts;
    private final Clock clock;

    AccountService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public record NewAccount(UUID accountId, String name, String apiToken) {}

    /** The secret is shown once, here; only its hash is kept. */
    public record IssuedToken(UUID tokenId, String apiToken, String prefix, OffsetDateTime createdAt) {}

    /** What the operator may change: the name, and whether the account is disabled. */
    public record AccountChange(@Nullable String name, @Nullable Boolean disabled) {}

    @Transactional
    public NewAccount create(@Nullable String name) {
        String trimmed = validName(name);
        UUID accountId = Ids.next();
        OffsetDateTime now = now();
        accounts.insertAccount(accountId, trimmed, now);
        return new NewAccount(accountId, trimmed, issue(accountId, now).apiToken());
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID accountId) {
        return accounts.accountExists(accountId);
    }

    @Transactional(readOnly = true)
    public AccountView get(UUID accountId) {
        return accounts.find(accountId).orElseThrow(() -> noAccount(accountId));
    }

    @Transactional(readOnly = true)
    public List<AccountView> page(@Nullable UUID after, int limit) {
        return accounts.page(after, limit);
    }

    /** Disabling refuses the account's tokens, users and apps from the next request on; enabling admits them again. */
    @Transactional
    public AccountView change(UUID accountId, AccountChange change) {
        AccountView current = get(accountId);
        String name = change.name() == null ? current.name() : validName(change.name());
        OffsetDateTime disabledAt = change.disabled() == null ? current.disabledAt()
                : change.disabled() ? (current.disabled() ? current.disabledAt() : now())
                : null;
        accounts.update(accountId, name, disabledAt);
        return new AccountView(accountId, name, current.createdAt(), disabledAt);
    }

    @Transactional
    public IssuedToken issueToken(UUID accountId) {
        if (!accounts.accountExists(accountId)) {
            throw noAccount(accountId);
        }
        return issue(accountId, now());
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> tokens(UUID accountId) {
        if (!accounts.accountExists(accountId)) {
            throw noAccount(accountId);
        }
        return accounts.tokens(accountId);
    }

    /** Revoking is final and idempotent; a revoked token is refused everywhere within a second. */
    @Transactional
    public void revokeToken(UUID accountId, UUID tokenId) {
        if (!accounts.tokenExists(accountId, tokenId)) {
            throw new NotFound("No API token " + tokenId + " in account " + accountId);
        }
        accounts.revokeToken(accountId, tokenId, now());
    }

    @Transactional
    TokenCheck authenticateHash(String tokenHash) {
        return accounts.findByTokenHash(tokenHash).<TokenCheck>map(owner -> {
            if (owner.accountDisabledAt() != null) {
                return new TokenCheck.AccountDisabled(owner.accountId());
            }
            OffsetDateTime now = now();
            if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
                accounts.touchToken(owner.accountId(), owner.tokenId(), now);
            }
            return new TokenCheck.Valid(Caller.apiToken(owner.accountId(), owner.tokenId()));
        }).orElse(TokenCheck.UNKNOWN);
    }

    /** Whether an account the operator disabled: its users and apps are refused too. */
    @Transactional(readOnly = true)
    public boolean isDisabled(UUID accountId) {
        return accounts.find(accountId).map(AccountView::disabled).orElse(true);
    }

    /** To the microsecond, as PostgreSQL keeps it: what is shown once equals what is listed after. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private IssuedToken issue(UUID accountId, OffsetDateTime now) {
        String token = Tokens.newToken();
        UUID tokenId = Ids.next();
        String prefix = Tokens.prefix(token);
        accounts.insertToken(accountId, tokenId, Tokens.hash(token), prefix, now);
        return new IssuedToken(tokenId, token, prefix, now);
    }

    private static String validName(@Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 255) {
            throw new ValidationFailed("name is required and must be at most 255 characters");
        }
        Text.printable("name", trimmed);
        return trimmed;
    }

    private static NotFound noAccount(UUID accountId) {
        return new NotFound("No account " + accountId);
    }
}
