package io.audience.contact;

import io.audience.api.ValidationFailed;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address's identity: trimmed, Unicode-normalised, lower-cased, its domain in ASCII (IDNA), so
 * that {@code Jane@Bücher.example} and {@code jane@xn--bcher-kva.example} are one contact.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 80;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LOCAL_FORBIDDEN = Pattern.compile("[\\s\\p{Cntrl}()<>\\[\\]\\\\,;:\"@]");

    private EmailAddresses() {}

    /** The address as it will be displayed: the text sent, trimmed. */
    public static String display(String field, String address) {
        String trimmed = address.strip();
        if (trimmed.isEmpty()) {
            throw new ValidationFailed(field + " is required");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new ValidationFailed(field + " must be at most " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }

    public static String key(String field, String address) {
        String trimmed = Normalizer.normalize(display(field, address), Normalizer.Form.NFC);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw invalid(field, address, "it needs a local part, an @ and a domain");
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (local.length() > 64 || LOCAL_FORBIDDEN.matcher(local).find()
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw invalid(field, address, "the part before @ is not a valid mailbox name");
        }
        return local.toLowerCase(Locale.ROOT) + "@" + asciiDomain(field, address, domain);
    }

    private static String asciiDomain(String field, String address, String domain) {
        String ascii;
        if (domain.chars().allMatch(c -> c < 0x80)) {
            // IDNA leaves an ASCII name as it is; the label rules below are the STD3 rules it would
            // check. Skipping it halves the cost of reading an import's addresses.
            ascii = domain.toLowerCase(Locale.ROOT);
        } else {
            try {
                ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw invalid(field, address, "the domain is not a valid host name");
            }
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            throw invalid(field, address, "the domain needs at least two labels, such as example.com");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(field, address, "the domain is not a valid host name");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw invalid(field, address, "the domain must be a name, not an IP address");
        }
        return ascii;
    }

    private static ValidationFailed invalid(String field, String address, String why) {
        return new ValidationFailed(field + " \"" + address + "\" is not a valid email address: " + why);
    }
}
