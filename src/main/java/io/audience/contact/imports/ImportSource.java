package io.audience.contact.imports;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A streamed import body: its rows, each as the vendor's column names and their text (or why the
 * row could not be read), then the lists named with it.
 */
public interface ImportSource {

    /** One row: its cells by column, or the reason it cannot be read at all. */
    record Row(
            Map<String, @Nullable String> cells, @Nullable String problem) {

        public static Row of(Map<String, @Nullable String> cells) {
            return new Row(cells, null);
        }

        public static Row unreadable(String problem) {
            return new Row(Map.of(), problem);
        }
    }

    /** The columns the rows have, when the source knows them before its rows (a CSV header). */
    default @Nullable List<String> columns() {
        return null;
    }

    void forEachRow(Consumer<Row> row);

    /** The name of the file the rows came from, when the client gave one (shown with past imports). */
    default @Nullable String fileName() {
        return null;
    }

    List<String> listIds();
}
