package io.audience.feedback.suppression;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A suppression file as read: its column names (lower case), then its rows, streamed. */
public interface SuppressionFile {

    /** One row: its cells by column, or why it cannot be read at all (then {@code cells} is empty). */
    record Row(
            Map<String, @Nullable String> cells, @Nullable String problem) {}

    List<String> columns();

    void forEachRow(java.util.function.Consumer<Row> rows);

    @Nullable
    String fileName();
}
