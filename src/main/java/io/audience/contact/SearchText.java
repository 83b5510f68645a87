package io.audience.contact;

import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.consent.EmailAddresses;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed in the console's search box. Text with an {@code @} is an address: its key
 * (normalised as {@code GET /v3/contacts?email=} does) finds that contact exactly, and it is also a
 * prefix of addresses, so results come while typing. Other text is words, each a prefix of the
 * first name, last name or address, or from three characters on a substring of a name.
 */
record SearchText(@Nullable String exactKey, @Nullable String addressPrefix, List<String> words) {

    /** Below this length a substring would match most names and no trigram index can narrow it. */
    static final int SUBSTRING_MIN = 3;

    static SearchText parse(@Nullable String text) {
        // No name or address holds a control character, and PostgreSQL refuses a NUL in a pattern.
        String stripped = text == null ? "" : Text.printable("q", text).strip();
        if (stripped.isEmpty()) {
            return new SearchText(null, null, List.of());
        }
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (stripped.indexOf('@') >= 0) {
            String key = keyOrNull(stripped);
            return new SearchText(key, key != null ? key : lower, List.of());
        }
        return new SearchText(
                null,
                null,
                Arrays.stream(lower.split("\\s+")).filter(w -> !w.isEmpty()).toList());
    }

    boolean isEmpty() {
        return exactKey == null && addressPrefix == null && words.isEmpty();
    }

    /** {@code %}, {@code _} and the escape character itself, escaped for LIKE (escape character {@code \}). */
    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static @Nullable String keyOrNull(String text) {
        try {
            return EmailAddresses.key("q", text);
        } catch (ValidationFailed notAnAddressYet) {
            // Half-typed ("jane@") or not an address at all: still a prefix of addresses.
            return null;
        }
    }
}
