package io.audience.contact.imports.web;

import io.audience.activity.web.ActivityResource;
import io.audience.api.ApiException;
import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.contact.imports.ContactImports;
import io.audience.contact.imports.ImportCells;
import io.audience.contact.imports.ImportSource;
import io.audience.transfer.Spool;
import io.audience.transfer.TransferSlots;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
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

    /** Longer than any record of the vendor's columns and 25 custom fields can usefully be. */
    static final int MAX_RECORD = 1 << 20;

    private static final int MAX_LIST_IDS_FIELD = 64 * 1024;

    private final ContactImports imports;
    private final Spool spool;
    private final TransferSlots slots;

    FileImportController(ContactImports imports, Spool spool, TransferSlots slots) {
        this.imports = imports;
        this.spool = spool;
        this.slots = slots;
    }

    /**
     * The form is parsed here, as a stream, after the caller was authenticated (the container
     * parses no multipart); the file part is received whole into a spool file before the import's
     * transaction starts, so a client that sends slowly holds no database connection.
     */
    @PostMapping(path = "/v3/activities/contacts_file_import", consumes = "multipart/form-data")
    ResponseEntity<ActivityResource> importFile(Caller caller, HttpServletRequest request) throws IOException {
        ActivityResource activity;
        TransferSlots.Slot slot = slots.upload(caller.accountId());
        try (Form form = form(request)) {
            if (form.file == null) {
                throw new ValidationFailed("The form must have a file part holding the CSV");
            }
            try (Reader reader = new RecordLimit(ImportCells.utf8(form.file.read()), MAX_RECORD);
                    CSVParser csv = CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                            .get()
                            .parse(reader)) {
                activity = ActivityResource.of(imports.acceptFile(caller.accountId(), new CsvRows(csv, form.listIds)));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("The file's first line must name its columns: " + e.getMessage());
            }
        } finally {
            slot.close();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }

    /** The form's list ids and its file, spooled; closing it deletes the file. */
    private static final class Form implements AutoCloseable {

        private final List<String> listIds = new ArrayList<>();
        private Spool.@Nullable File file;

        @Override
        public void close() {
            if (file != null) {
                file.close();
            }
        }
    }

    private Form form(HttpServletRequest request) throws IOException {
        Form form = new Form();
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if ("file".equals(part.getFieldName()) && !part.isFormField()) {
                    if (form.file != null) {
                        throw new ValidationFailed("The form must have one file part, not several");
                    }
                    try (InputStream in = part.getInputStream()) {
                        form.file = spool.receive(in, ".csv");
                    }
                } else if ("list_ids".equals(part.getFieldName()) && part.isFormField()) {
                    try (InputStream in = part.getInputStream()) {
                        byte[] value = in.readNBytes(MAX_LIST_IDS_FIELD + 1);
                        if (value.length > MAX_LIST_IDS_FIELD) {
                            throw new ValidationFailed("list_ids is longer than " + MAX_LIST_IDS_FIELD + " bytes");
                        }
                        Arrays.stream(new String(value, StandardCharsets.UTF_8).split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .forEach(form.listIds::add);
                    }
                } else {
                    try (InputStream in = part.getInputStream()) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
            return form;
        } catch (FileUploadException e) {
            form.close();
            throw new ValidationFailed("The body is not a valid multipart/form-data form: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            form.close();
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
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
            return name.regionMatches(true, 0, "cf:", 0, 3)
                    ? "cf:" + name.substring(3).strip()
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
