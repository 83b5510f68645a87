package io.audience.consent;

import com.ibm.icu.text.IDNA;
import java.util.Locale;

/**
 * The form of an address key that its suppression fingerprint is taken of. Keys map domains by
 * IDNA2008, where ß, ς and the joiners are letters of their own; releases before mapped them by
 * IDNA2003 (ß to ss), and the fingerprints they kept of erased opt-outs cannot be recomputed (the
 * address is gone). So fingerprints take the domain in the IDNA2003-compatible (transitional) form:
 * an opt-out kept before still suppresses the address, and of two addresses that differ only by
 * those letters, the opt-out of one suppresses both, the stricter reading.
 */
final class SuppressionForm {

    private static final IDNA UTS46 =
            IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);

    private SuppressionForm() {}

    static String of(String emailKey) {
        int at = emailKey.lastIndexOf('@');
        String domain = emailKey.substring(at + 1);
        if (!domain.contains("xn--")) {
            return emailKey;
        }
        StringBuilder unicode = new StringBuilder();
        UTS46.nameToUnicode(domain, unicode, new IDNA.Info());
        // The four deviation characters are all that IDNA2003 (UTS #46 transitional) maps otherwise.
        String transitional = unicode.toString()
                .replace("ß", "ss")
                .replace("ς", "σ")
                .replace("\u200d", "")
                .replace("\u200c", "");
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(transitional, ascii, info);
        return info.hasErrors()
                ? emailKey
                : emailKey.substring(0, at + 1) + ascii.toString().toLowerCase(Locale.ROOT);
    }
}
