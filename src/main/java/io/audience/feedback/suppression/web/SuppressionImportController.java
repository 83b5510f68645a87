package io.audience.feedback.suppression.web;

import io.audience.activity.web.ActivityResource;
import io.audience.api.ApiException;
import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.feedback.suppression.SuppressionImports;
import io.audience.transfer.Spool;
import io.audience.transfer.TransferSlots;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
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
 * POST /v3/activities/suppressions_import (an extension): a suppression list brought from another
 * platform, as a multipart form with the CSV {@code file} (as contacts_file_import) or as a raw
 * {@code text/csv} body. The body is received whole into a spool file first, under the account's
 * transfer slot, so a slow client holds no database connection; a file without the required
 * columns is refused (400) before any activity is made.
 */
@RestController
@Requires(Privilege.CONTACTS_WRITE)
class SuppressionImportController {

    static final String PATH = "/v3/activities/suppressions_import";

    private final SuppressionImports imports;
    private final Spool spool;
    private final TransferSlots slots;

    SuppressionImportController(SuppressionImports imports, Spool spool, TransferSlots slots) {
        this.imports = imports;
        this.spool = spool;
        this.slots = slots;
    }

    @PostMapping(path = PATH, consumes = "multipart/form-data")
    ResponseEntity<ActivityResource> importForm(Caller caller, HttpServletRequest request) throws IOException {
        TransferSlots.Slot slot = slots.upload(caller.accountId());
        try (Upload upload = form(request)) {
            return accept(caller, upload);
        } finally {
            slot.close();
        }
    }

    @PostMapping(path = PATH, consumes = "text/csv")
    ResponseEntity<ActivityResource> importCsv(Caller caller, HttpServletRequest request) throws IOException {
        TransferSlots.Slot slot = slots.upload(caller.accountId());
        try (Upload upload = new Upload(spool.receive(request.getInputStream(), ".csv"), null)) {
            return accept(caller, upload);
        } finally {
            slot.close();
        }
    }

    private ResponseEntity<ActivityResource> accept(Caller caller, Upload upload) throws IOException {
        Spool.File file = upload.file;
        if (file == null) {
            throw new ValidationFailed("The form must have a file part holding the CSV");
        }
        ActivityResource activity;
        try (InputStream in = file.read();
                SuppressionCsv csv = SuppressionCsv.open(in, upload.fileName)) {
            SuppressionImports.checkColumns(csv.columns());
            activity = ActivityResource.of(imports.accept(caller.accountId(), csv));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }

    /** The spooled file, if any, and its name; closing it deletes the file. */
    private static final class Upload implements AutoCloseable {

        private Spool.@Nullable File file;
        private @Nullable String fileName;

        Upload(Spool.@Nullable File file, @Nullable String fileName) {
            this.file = file;
            this.fileName = fileName;
        }

        @Override
        public void close() {
            if (file != null) {
                file.close();
            }
        }
    }

    private Upload form(HttpServletRequest request) throws IOException {
        Upload upload = new Upload(null, null);
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                try (InputStream in = part.getInputStream()) {
                    if ("file".equals(part.getFieldName()) && !part.isFormField()) {
                        if (upload.file != null) {
                            throw new ValidationFailed("The form must have one file part, not several");
                        }
                        upload.fileName = part.getName();
                        upload.file = spool.receive(in, ".csv");
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
            return upload;
        } catch (FileUploadException e) {
            upload.close();
            throw new ValidationFailed("The body is not a valid multipart/form-data form: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            upload.close();
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
    }
}
