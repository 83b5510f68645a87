package io.audience.feedback.suppression.web;

import io.audience.api.CsvText;
import io.audience.api.ValidationFailed;
import io.audience.feedback.suppression.SuppressionFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;

/**
 * A suppression file read as CSV (RFC 4180, UTF-8, a leading byte-order mark ignored): its first
 * line names the columns (case-insensitive, a name twice is refused), a record longer than
 * {@link #MAX_RECORD} characters refuses the file, a row with another number of cells than the
 * header fails alone, and bytes that are not UTF-8 spoil only their row's address.
 */
final class SuppressionCsv implements SuppressionFile, AutoCloseable {

    /** Far more than an address, a reason, a source and a date need. */
    static final int MAX_RECORD = 4096;

    private final CSVParser csv;
    private final List<String> columns;
    private final @Nullable String fileName;

    private SuppressionCsv(CSVParser csv, @Nullable String fileName) {
        this.csv = csv;
        this.fileName = fileName;
        this.columns = csv.getHeaderNames().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (columns.stream().distinct().count() != columns.size()) {
            throw new ValidationFailed("The file names a column twice: " + columns);
        }
    }

    static SuppressionCsv open(InputStream in, @Nullable String fileName) throws IOException {
        Reader reader =
                CsvText.recordsUpTo(CsvText.utf8(in, '\uFFFD'), MAX_RECORD, "no suppression row needs that much");
        try {
            return new SuppressionCsv(
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                            .get()
                            .parse(reader),
                    fileName);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            throw new ValidationFailed("The file's first line must name its columns: " + e.getMessage());
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void forEachRow(Consumer<Row> rows) {
        try {
            for (CSVRecord record : csv) {
                if (record.size() != columns.size()) {
                    rows.accept(new Row(
                            Map.of(),
                            "line " + (record.getRecordNumber() + 1) + " has " + record.size()
                                    + " cells; the header names " + columns.size() + " columns"));
                    continue;
                }
                Map<String, @Nullable String> cells = new HashMap<>(8);
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), record.get(i));
                }
                rows.accept(new Row(cells, null));
            }
        } catch (UncheckedIOException e) {
            throw CsvText.notCsv(e);
        }
    }

    @Override
    public @Nullable String fileName() {
        return fileName;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
