package io.audience.account;

import io.audience.api.NotFound;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, as the operator manages them; their tokens belong to auth. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What the operator may change: the name, and whether the account is disabled. */
    public record AccountChange(
            @Nullable String name, @Nullable Boolean disabled) {}

    /** A new account; its first API token is issued in the same transaction by the caller (auth). */
    @Transactional
    public AccountView create(@Nullable String name) {
        String trimmed = validName(name);
        UUID accountId = Ids.next();
        OffsetDateTime now = now();
        accounts.insertAccount(accountId, trimmed, now);
        return new AccountView(accountId, trimmed, now, null);
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
        OffsetDateTime disabledAt = change.disabled() == null
                ? current.disabledAt()
                : change.disabled() ? (current.disabled() ? current.disabledAt() : now()) : null;
        accounts.update(accountId, name, disabledAt);
        return new AccountView(accountId, name, current.createdAt(), disabledAt);
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
