package io.audience.contact.web;

import io.audience.account.Requires;
import io.audience.account.Privilege;
import io.audience.account.Caller;
import io.audience.activity.web.ActivityResource;
import io.audience.api.ValidationFailed;
import io.audience.contact.ContactImports;
import io.audience.contact.ImportCells;
import io.audience.contact.ImportSource;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /v3/activities/contacts_file_import: a multipart form with the CSV {@code file} and
 * {@code list_ids} (comma-separated or repeated), as the vendor's clients send it. The file is read
 * a record at a time; its size is bounded by the upload limit, not by memory or by the vendor's
 * 40,000 lines and 4 MB.
 */
@RestController
@Requires(Privilege.CONTACTS_WRITE)
class FileImportController {

    private final ContactImports imports;

    FileImportController(ContactImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/v3/activities/contacts_file_import", consumes = "multipart/form-data")
    ResponseEntity<ActivityResource> importFile(Caller caller, HttpServletRequest request)
            throws IOException, ServletException {
        Part file = request.getPart("file");
        if (file == null) {
            throw new ValidationFailed("The form must have a file part holding the CSV");
        }
        List<String> listIds = new ArrayList<>();
        for (String value : request.getParameterValues("list_ids") == null ? new String[0]
                : request.getParameterValues("list_ids")) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(listIds::add);
        }
        ActivityResource activity;
        try (Reader reader = ImportCells.utf8(file.getInputStream());
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get().parse(reader)) {
            activity = ActivityResource.of(imports.acceptFile(caller.accountId(), new CsvRows(csv, listIds)));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("The file's first line must name its columns: " + e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }

    private static final class CsvRows implements ImportSource {

        private final CSVParser csv;
        private final List<String> listIds;
        private final List<String> columns;

        CsvRows(CSVParser csv, List<String> listIds) {
            this.csv = csv;
            this.listIds = listIds;
            this.columns = csv.getHeaderNames().stream().map(CsvRows::column).toList();
            if (new java.util.HashSet<>(columns).size() != columns.size()) {
                throw new ValidationFailed("The file names a column twice: " + columns);
            }
        }

        /** The vendor's names are lower case; a custom field's name after {@code cf:} keeps its case. */
        private static String column(String header) {
            String name = header.strip();
            return name.regionMatches(true, 0, "cf:", 0, 3) ? "cf:" + name.substring(3).strip()
                    : name.toLowerCase(Locale.ROOT);
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
                        rows.accept(Row.unreadable("line " + (record.getRecordNumber() + 1) + " has " + record.size()
                                + " cells; the header names " + columns.size() + " columns"));
                        continue;
                    }
                    Map<String, @Nullable String> cells = new HashMap<>(columns.size() * 2);
                    for (int i = 0; i < columns.size(); i++) {
                        cells.put(columns.get(i), strip(record.get(i)));
                    }
                    rows.accept(Row.of(cells));
                }
            } catch (UncheckedIOException e) {
                throw new ValidationFailed("The file is not valid CSV: " + e.getMessage());
            }
        }

        /** Spaces around a cell go; any other character, a control character too, stays to be judged. */
        private static String strip(String cell) {
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
        public List<String> listIds() {
            return listIds;
        }
    }
}
