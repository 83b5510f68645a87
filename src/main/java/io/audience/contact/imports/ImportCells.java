package io.audience.contact.imports;

import io.audience.api.CsvText;
import io.audience.api.ValidationFailed;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The byte-level rules every import cell obeys before its column's own rules: no control
 * character at all (not even a tab or line break; PostgreSQL refuses NUL and a CSV opened in a
 * spreadsheet mangles the rest), no invalid UTF-8, and no cell or column name past its ceiling. A
 * row that breaks one fails alone, with a reason that never quotes the bad text.
 */
public final class ImportCells {

    /**
     * What the readers decode an invalid UTF-8 sequence to: a noncharacter, which no text the
     * service keeps may hold, so the row can say why it failed instead of the whole import.
     */
    public static final char INVALID_UTF8 = '\uFFFF';

    /** Longer than any column allows (255 for a street or a custom field); past it no rule needs the text. */
    static final int MAX_CELL = 1024;

    static final int MAX_COLUMN_NAME = 100;

    /** More cells than any row can use (the vendor's columns and 25 custom fields). */
    public static final int MAX_CELLS = 200;

    private ImportCells() {}

    /**
     * An import body as UTF-8 text without a leading byte-order mark; an invalid sequence reads as
     * {@link #INVALID_UTF8}, so it spoils the row it is in, not the import.
     */
    public static Reader utf8(InputStream in) throws IOException {
        return CsvText.utf8(in, INVALID_UTF8);
    }

    static void check(Map<String, @Nullable String> row) {
        int number = 0;
        for (Map.Entry<String, @Nullable String> cell : row.entrySet()) {
            number++;
            String column = cell.getKey();
            String columnProblem = problem(column, MAX_COLUMN_NAME);
            if (columnProblem != null) {
                throw new ValidationFailed("the name of column " + number + " " + columnProblem);
            }
            String value = cell.getValue();
            String valueProblem = value == null ? null : problem(value, MAX_CELL);
            if (valueProblem != null) {
                throw new ValidationFailed(column + " " + valueProblem);
            }
        }
    }

    /** Why the text cannot be imported, or null; the text itself is never quoted back. */
    static @Nullable String problem(String text, int max) {
        if (text.length() > max) {
            return "is " + text.length() + " characters long; at most " + max + " are read";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == INVALID_UTF8 || c == '\uFFFE') {
                return "is not valid UTF-8 text (byte sequence at character " + (i + 1) + ")";
            }
            if (c == 0) {
                return "contains a NUL character (U+0000) at character " + (i + 1);
            }
            if (Character.isISOControl(c)) {
                return "contains the control character U+%04X at character %d".formatted((int) c, i + 1);
            }
        }
        return null;
    }

    /** A reason fit to store and show: control characters and invalid text replaced, whatever a message quoted. */
    static String printable(String reason) {
        return CsvText.printable(reason, INVALID_UTF8);
    }
}
