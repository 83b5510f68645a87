package io.audience.account;

import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountSettingsService {

    public static final int PHYSICAL_ADDRESS_MAX = 500;

    private final AccountSettingsRepository settings;
    private final ConfirmedSenders senders;
    private final Clock clock;

    AccountSettingsService(AccountSettingsRepository settings, ConfirmedSenders senders, Clock clock) {
        this.settings = settings;
        this.senders = senders;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AccountSettings get(UUID accountId) {
        return settings.find(accountId).orElse(AccountSettings.DEFAULTS);
    }

    /** PUT replaces the settings; omitted values go back to their defaults. */
    @Transactional
    public AccountSettings replace(
            UUID accountId,
            @Nullable Boolean confirmedOptIn,
            @Nullable String fromEmail,
            @Nullable String fromName,
            @Nullable String physicalAddress) {
        String email = fromEmail == null || fromEmail.isBlank() ? null : fromEmail.strip();
        if (email != null && (email.length() > 80 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new ValidationFailed(
                    "from_email must be an email address of at most 80 characters, not " + fromEmail);
        }
        if (email != null && !senders.isConfirmed(accountId, email)) {
            throw new ValidationFailed("from_email " + email + " is not a CONFIRMED sender address of this account:"
                    + " add it with POST /v3/account/emails and follow the link in the mail sent to it");
        }
        String name = fromName == null || fromName.isBlank() ? null : headerText("from_name", fromName.strip());
        if (name != null && (name.length() > 100 || name.contains("\"") || name.contains("<"))) {
            throw new ValidationFailed("from_name must be at most 100 characters, without quotes or angle brackets");
        }
        AccountSettings replaced =
                new AccountSettings(Boolean.TRUE.equals(confirmedOptIn), email, name, postal(physicalAddress));
        settings.save(accountId, replaced, OffsetDateTime.now(clock));
        return replaced;
    }

    /** The console's switch: confirmed opt-in on or off, the other settings untouched. */
    @Transactional
    public AccountSettings changeConfirmedOptIn(UUID accountId, boolean confirmedOptIn) {
        settings.saveConfirmedOptIn(accountId, confirmedOptIn, OffsetDateTime.now(clock));
        return get(accountId);
    }

    /** The console's postal address form: the address alone, the other settings untouched. */
    @Transactional
    public AccountSettings changePhysicalAddress(UUID accountId, @Nullable String physicalAddress) {
        settings.savePhysicalAddress(accountId, postal(physicalAddress), OffsetDateTime.now(clock));
        return get(accountId);
    }

    /** The postal address the account's mail shows (CAN-SPAM): lines of text; blank means none. */
    private static @Nullable String postal(@Nullable String physicalAddress) {
        if (physicalAddress == null || physicalAddress.isBlank()) {
            return null;
        }
        String address =
                Text.printable("physical_address", physicalAddress.strip().replace("\r\n", "\n"));
        if (address.length() > PHYSICAL_ADDRESS_MAX) {
            throw new ValidationFailed("physical_address must be at most " + PHYSICAL_ADDRESS_MAX + " characters, not "
                    + address.length());
        }
        return address;
    }

    /**
     * A value that goes into a mail header: no control character at all (a CR or LF would start a
     * header of the caller's choosing), and no Unicode line or paragraph separator or invisible format character.
     */
    private static String headerText(String field, String value) {
        boolean bad = value.codePoints()
                .anyMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
        if (bad) {
            throw new ValidationFailed(
                    field + " must not contain control characters, line breaks or invisible characters");
        }
        return Text.printable(field, value);
    }
}
