package io.audience.contact.imports.web;

import io.audience.activity.web.ActivityResource;
import io.audience.api.ApiException;
import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.contact.imports.ContactImports;
import io.audience.transfer.Spool;
import io.audience.transfer.TransferSlots;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVParser;
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
            try (CSVParser csv = CsvRows.parse(form.file)) {
                List<@Nullable String> columns = csv.getHeaderNames().stream()
                        .<@Nullable String>map(CsvRows::column)
                        .toList();
                activity = ActivityResource.of(
                        imports.acceptFile(caller.accountId(), new CsvRows(csv, columns, form.listIds, form.fileName)));
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
        private @Nullable String fileName;

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
                    form.fileName = part.getName();
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
}
