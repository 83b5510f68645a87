package io.audience.consent;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import io.audience.api.ValidationFailed;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address's identity, its key: one key for every spelling of one mailbox. The local part is
 * NFC-normalised and lower-cased, and refused when it holds a character people cannot see (a
 * control, format or separator character such as U+00A0, U+200B, U+2028, U+0085 or a bidi
 * control), which would make two keys of what reads as one address. The domain is mapped by UTS #46
 * with IDNA2008 (nontransitional) rules and written as ASCII, so that {@code Jane@Straße.de},
 * {@code jane@xn--strae-oqa.de}, the NFD and the full-width spellings are one contact, and
 * {@code straße.de} is not taken for {@code strasse.de} as Java's own IDNA2003 {@code IDN} does.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 80;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ASCII_BLANKS = Pattern.compile("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$");
    private static final Pattern LOCAL_FORBIDDEN = Pattern.compile("[\\s\\p{Cntrl}()<>\\[\\]\\\\,;:\"@]");
    /** IDNA instances are immutable and thread-safe. */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.USE_STD3_RULES
            | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ
            | IDNA.CHECK_CONTEXTO);

    private EmailAddresses() {}

    /**
     * The address as it will be displayed: the text sent, without surrounding ASCII spaces, tabs and
     * line breaks (what forms and spreadsheets add). Any other invisible character is refused by {@link #key}.
     */
    public static String display(String field, String address) {
        String trimmed = ASCII_BLANKS.matcher(address).replaceAll("");
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
        invisible(local).ifPresent(codePoint -> {
            throw invalid(
                    field,
                    address,
                    String.format("the part before @ holds the invisible character U+%04X;" + " remove it", codePoint));
        });
        if (local.length() > 64
                || LOCAL_FORBIDDEN.matcher(local).find()
                || local.startsWith(".")
                || local.endsWith(".")
                || local.contains("..")) {
            throw invalid(field, address, "the part before @ is not a valid mailbox name");
        }
        return local.toLowerCase(Locale.ROOT) + "@" + asciiDomain(field, address, domain);
    }

    /** The first character of {@code text} that shows nothing, or empty. */
    private static java.util.OptionalInt invisible(String text) {
        return text.codePoints().filter(EmailAddresses::isInvisible).findFirst();
    }

    private static boolean isInvisible(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint < 0x20 || codePoint == 0x7f;
        }
        int category = UCharacter.getType(codePoint);
        return category == UCharacterCategory.CONTROL
                || category == UCharacterCategory.FORMAT
                || category == UCharacterCategory.SPACE_SEPARATOR
                || category == UCharacterCategory.LINE_SEPARATOR
                || category == UCharacterCategory.PARAGRAPH_SEPARATOR
                || category == UCharacterCategory.UNASSIGNED
                || category == UCharacterCategory.PRIVATE_USE
                || category == UCharacterCategory.SURROGATE
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    private static String asciiDomain(String field, String address, String domain) {
        String ascii = domain.toLowerCase(Locale.ROOT);
        if (!domain.chars().allMatch(c -> c < 0x80) || ascii.contains("xn--")) {
            // Else UTS #46 would leave the name as it is, lower-cased, and the label rules below are the
            // STD3 rules it would check: skipping it halves the cost of reading an import's addresses.
            StringBuilder out = new StringBuilder();
            IDNA.Info info = new IDNA.Info();
            UTS46.nameToASCII(domain, out, info);
            if (info.hasErrors()) {
                throw invalid(field, address, "the domain is not a valid host name");
            }
            ascii = out.toString();
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
