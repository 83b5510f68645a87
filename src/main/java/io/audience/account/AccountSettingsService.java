package io.audience.account;

import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountSettingsService {

    private final AccountSettingsRepository settings;

    AccountSettingsService(AccountSettingsRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public AccountSettings get(UUID accountId) {
        return settings.find(accountId).orElse(AccountSettings.DEFAULTS);
    }

    /** PUT replaces the settings; omitted values go back to their defaults. */
    @Transactional
    public AccountSettings replace(UUID accountId, @Nullable Boolean confirmedOptIn, @Nullable String fromEmail,
            @Nullable String fromName) {
        String email = fromEmail == null || fromEmail.isBlank() ? null : fromEmail.strip();
        if (email != null && (email.length() > 80 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new ValidationFailed("from_email must be an email address of at most 80 characters, not " + fromEmail);
        }
        String name = fromName == null || fromName.isBlank() ? null : Text.printable("from_name", fromName.strip());
        if (name != null && (name.length() > 100 || name.contains("\"") || name.contains("<"))) {
            throw new ValidationFailed("from_name must be at most 100 characters, without quotes or angle brackets");
        }
        AccountSettings replaced = new AccountSettings(Boolean.TRUE.equals(confirmedOptIn), email, name);
        settings.save(accountId, replaced, OffsetDateTime.now(ZoneOffset.UTC));
        return replaced;
    }
}
