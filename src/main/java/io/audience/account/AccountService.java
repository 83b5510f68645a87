package io.audience.account;

import io.audience.api.NotFound;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    private final AccountRepository accounts;

    AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public record NewAccount(UUID accountId, String name, String apiToken) {}

    @Transactional
    public NewAccount create(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 255) {
            throw new ValidationFailed("name is required and must be at most 255 characters");
        }
        Text.printable("name", trimmed);
        UUID accountId = Ids.next();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        accounts.insertAccount(accountId, trimmed, now);
        return new NewAccount(accountId, trimmed, issue(accountId, now));
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID accountId) {
        return accounts.accountExists(accountId);
    }

    @Transactional
    public String issueToken(UUID accountId) {
        if (!accounts.accountExists(accountId)) {
            throw new NotFound("No account " + accountId);
        }
        return issue(accountId, OffsetDateTime.now(ZoneOffset.UTC));
    }

    @Transactional(readOnly = true)
    Optional<Caller> authenticateHash(String tokenHash) {
        return accounts.findByTokenHash(tokenHash);
    }

    private String issue(UUID accountId, OffsetDateTime now) {
        String token = Tokens.newToken();
        accounts.insertToken(accountId, Ids.next(), Tokens.hash(token), now);
        return token;
    }
}
