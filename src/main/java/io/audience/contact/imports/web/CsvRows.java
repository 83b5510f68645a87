package io.audience.contact.imports.web;

import io.audience.api.CsvText;
import io.audience.api.ValidationFailed;
import io.audience.contact.imports.ImportCells;
import io.audience.contact.imports.ImportSource;
import io.audience.transfer.Spool;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a spooled CSV file as an import source: each CSV column is read as one of the
 * vendor's columns, or skipped (null). The API names the columns in the file's first line; the
 * console lets a person map them.
 */
final class CsvRows implements ImportSource {

    /** Longer than any record of the vendor's columns and 25 custom fields can usefully be. */
    static final int MAX_RECORD = 1 << 20;

    private final CSVParser csv;
    private final List<String> listIds;
    private final List<@Nullable String> columns;
    private final @Nullable String fileName;

    CsvRows(CSVParser csv, List<@Nullable String> columns, List<String> listIds, @Nullable String fileName) {
        this.csv = csv;
        this.fileName = fileName;
        this.listIds = listIds;
        this.columns = columns;
        List<String> named = named(columns);
        Set<String> seen = new HashSet<>();
        for (String column : named) {
            if (!seen.add(column)) {
                throw new ValidationFailed("The file names a column twice: " + column + " (columns " + named + ")");
            }
        }
    }

    /** The file with its first line read as the column names (a name twice is refused). */
    static CSVParser parse(Spool.File file) throws IOException {
        Reader reader = CsvText.recordsUpTo(ImportCells.utf8(file.read()), MAX_RECORD, "no contact needs that much");
        try {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                    .get()
                    .parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            throw new ValidationFailed("The file's first line must name its columns: " + e.getMessage());
        }
    }

    /** The vendor's names are lower case; a custom field's name after {@code cf:} keeps its case. */
    static String column(String header) {
        String name = header.strip();
        return name.regionMatches(true, 0, "cf:", 0, 3)
                ? "cf:" + name.substring(3).strip()
                : name.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<String> columns() {
        return named(columns);
    }

    private static List<String> named(List<@Nullable String> columns) {
        List<String> named = new java.util.ArrayList<>();
        for (String column : columns) {
            if (column != null) {
                named.add(column);
            }
        }
        return named;
    }

    @Override
    public void forEachRow(Consumer<Row> rows) {
        try {
            for (CSVRecord record : csv) {
                if (record.size() != columns.size()) {
                    rows.accept(Row.unreadable("line " + (record.getRecordNumber() + 1) + " has " + record.size()
                            + " cells; the header names " + columns.size() + " columns"));
                    continue;
                }
                Map<String, @Nullable String> cells = new HashMap<>(columns.size() * 2);
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    if (column != null) {
                        cells.put(column, strip(record.get(i)));
                    }
                }
                rows.accept(Row.of(cells));
            }
        } catch (UncheckedIOException e) {
            throw CsvText.notCsv(e);
        }
    }

    /** Spaces around a cell go; any other character, a control character too, stays to be judged. */
    static String strip(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && cell.charAt(start) == ' ') {
            start++;
        }
        while (end > start && cell.charAt(end - 1) == ' ') {
            end--;
        }
        return cell.substring(start, end);
    }

    @Override
    public @Nullable String fileName() {
        return fileName;
    }

    @Override
    public List<String> listIds() {
        return listIds;
    }
}
