package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.ibm.icu.text.IDNA;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * For random mailboxes, every spelling a person or a program may produce (the domain as U-label or
 * A-label, NFC or NFD, full-width, in any case) has the key of the mailbox; two different mailboxes
 * never share one.
 */
class MailboxKeysPropertiesTest {

    private static final int CASES = 2_000;
    /** Letters whose forms differ: composed or not, IDNA2003 and IDNA2008 apart (ß, ς), Latin, Greek, Cyrillic, kana. */
    private static final String[] LETTERS = {
        "a", "b", "e", "k", "o", "z", "0", "7", "ä", "é", "ß", "ö", "ñ", "ç", "σ", "ς", "λ", "ж", "я", "ア", "テ", "ü"
    };

    private static final String[] LOCAL = {"a", "b", "j", "n", "x", "0", "9", ".", "-", "_", "+", "é", "ü", "ß", "ж"};
    private static final IDNA TO_ASCII =
            IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);

    private static Gen<String> word(String[] alphabet, int min, int max) {
        return lists().of(integers().between(0, alphabet.length - 1))
                .ofSizeBetween(min, max)
                .map(indexes -> indexes.stream().map(i -> alphabet[i]).collect(Collectors.joining()));
    }

    private static Gen<String> mailbox() {
        Gen<String> local = word(LOCAL, 1, 10)
                .assuming(l -> !l.startsWith(".") && !l.endsWith(".") && !l.contains(".."))
                .map(l -> "u" + l);
        Gen<String> domain = word(LETTERS, 1, 12).map(label -> "m" + label + ".example");
        return local.zip(domain, (l, d) -> l + "@" + d);
    }

    /** A spelling of the same mailbox, chosen by {@code how}. */
    private static String spell(String mailbox, int how) {
        int at = mailbox.lastIndexOf('@');
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        return switch (how) {
            case 0 -> Normalizer.normalize(mailbox, Normalizer.Form.NFD);
            case 1 -> local + "@" + aLabels(domain);
            case 2 -> local + "@" + aLabels(domain).toUpperCase(Locale.ROOT);
            case 3 -> local + "@" + fullWidth(domain);
            case 4 -> local + "@" + upperCase(domain);
            case 5 -> Normalizer.normalize(local, Normalizer.Form.NFD) + "@" + fullWidth(aLabels(domain));
            default -> "  " + mailbox + "\t";
        };
    }

    private static String aLabels(String domain) {
        StringBuilder out = new StringBuilder();
        TO_ASCII.nameToASCII(domain, out, new IDNA.Info());
        return out.toString();
    }

    /**
     * Each letter in capitals, but ß and ς: they have no capital that IDNA2008 maps back to them
     * (SS and Σ are other letters there), so no one can type them otherwise.
     */
    private static String upperCase(String text) {
        return text.codePoints()
                .mapToObj(c ->
                        c == 'ß' || c == 'ς' ? Character.toString(c) : Character.toString(Character.toUpperCase(c)))
                .collect(Collectors.joining());
    }

    private static String fullWidth(String text) {
        return text.codePoints()
                .mapToObj(c -> c >= 0x21 && c <= 0x7e ? Character.toString(c + 0xfee0) : Character.toString(c))
                .collect(Collectors.joining());
    }

    @Test
    void everySpellingOfOneMailboxHasTheMailboxsKey() {
        qt().withExamples(CASES)
                .withShrinkCycles(200)
                .forAll(mailbox(), integers().between(0, 6), integers().between(0, 6))
                .checkAssert((mailbox, first, second) -> assertThat(EmailAddresses.key("email", spell(mailbox, first)))
                        .as("%s spelt %d and %d", mailbox, first, second)
                        .isEqualTo(EmailAddresses.key("email", spell(mailbox, second)))
                        .isEqualTo(EmailAddresses.key("email", mailbox)));
    }

    @Test
    void differentMailboxesHaveDifferentKeys() {
        qt().withExamples(CASES)
                .withShrinkCycles(200)
                .forAll(mailbox(), mailbox())
                .assuming((a, b) -> !canonical(a).equals(canonical(b)))
                .checkAssert((a, b) -> assertThat(EmailAddresses.key("email", a))
                        .as("%s and %s", a, b)
                        .isNotEqualTo(EmailAddresses.key("email", b)));
    }

    @Test
    void eszettAndFinalSigmaStayLettersOfTheirOwn() {
        assertThat(List.of("u@mß.example", "u@mς.example").stream().map(m -> EmailAddresses.key("email", m)))
                .doesNotContain("u@mss.example", "u@mσ.example");
    }

    /** The mailbox as a person reads it: local part composed and lower-cased, domain composed and lower-cased. */
    private static String canonical(String mailbox) {
        return Normalizer.normalize(mailbox, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
