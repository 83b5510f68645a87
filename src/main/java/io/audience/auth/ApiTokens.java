package io.audience.auth;

import io.audience.account.AccountService;
import io.audience.account.AccountView;
import io.audience.api.Caller;
import io.audience.api.NotFound;
import io.audience.identity.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts' API tokens, as the operator issues and revokes them and as requests present them. */
@Service
public class ApiTokens {

    /** A token's last use is recorded to this precision, so a busy token costs no write per request. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AccountService accounts;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AccountService accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record NewAccount(UUID accountId, String name, String apiToken) {}

    /** The secret is shown once, here; only its hash is kept. */
    public record IssuedToken(UUID tokenId, String apiToken, String prefix, OffsetDateTime createdAt) {}

    /** A new account and its first API token, in one transaction: never an account nobody can use. */
    @Transactional
    public NewAccount createAccount(@Nullable String name) {
        AccountView account = accounts.create(name);
        return new NewAccount(
                account.accountId(),
                account.name(),
                issue(account.accountId(), account.createdAt()).apiToken());
    }

    @Transactional
    public IssuedToken issue(UUID accountId) {
        requireAccount(accountId);
        return issue(accountId, now());
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(UUID accountId) {
        requireAccount(accountId);
        return tokens.tokens(accountId);
    }

    /** How many tokens each account holds that are not revoked, for the operator's overview. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> liveCounts(Collection<UUID> accountIds) {
        return accountIds.isEmpty() ? Map.of() : tokens.liveCounts(accountIds);
    }

    /** Revoking is final and idempotent; a revoked token is refused everywhere within a second. */
    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        if (!tokens.exists(accountId, tokenId)) {
            throw new NotFound("No API token " + tokenId + " in account " + accountId);
        }
        tokens.revoke(accountId, tokenId, now());
    }

    @Transactional
    TokenCheck authenticateHash(String tokenHash) {
        return tokens.findByHash(tokenHash)
                .<TokenCheck>map(owner -> {
                    if (owner.accountDisabledAt() != null) {
                        return new TokenCheck.AccountDisabled(owner.accountId());
                    }
                    OffsetDateTime now = now();
                    if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
                        tokens.touch(owner.accountId(), owner.tokenId(), now);
                    }
                    return new TokenCheck.Valid(Caller.apiToken(owner.accountId(), owner.tokenId()));
                })
                .orElse(TokenCheck.UNKNOWN);
    }

    private IssuedToken issue(UUID accountId, OffsetDateTime now) {
        String token = Tokens.newToken();
        UUID tokenId = Ids.next();
        String prefix = Tokens.prefix(token);
        tokens.insert(accountId, tokenId, Tokens.hash(token), prefix, now);
        return new IssuedToken(tokenId, token, prefix, now);
    }

    private void requireAccount(UUID accountId) {
        if (!accounts.exists(accountId)) {
            throw new NotFound("No account " + accountId);
        }
    }

    /** To the microsecond, as PostgreSQL keeps it: what is shown once equals what is listed after. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
