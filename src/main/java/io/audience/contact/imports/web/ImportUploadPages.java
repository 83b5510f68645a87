package io.audience.contact.imports.web;

import io.audience.activity.ActivityView;
import io.audience.api.ApiException;
import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.api.ValidationFailed;
import io.audience.contact.imports.ContactImports;
import io.audience.customfield.CustomFieldService;
import io.audience.customfield.CustomFieldView;
import io.audience.list.ListQuery;
import io.audience.list.ListService;
import io.audience.transfer.Spool;
import io.audience.transfer.TransferSlots;
import io.audience.web.Frame;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A CSV import in the console: the file is uploaded (spooled as the API's upload is, within the
 * same size limit and upload slots), its first rows are shown with a column mapping form, and the
 * import starts on the activity engine exactly as contacts_file_import does.
 */
@Controller
@ConsolePage(Privilege.CONTACTS_WRITE)
class ImportUploadPages {

    private static final int MAX_LISTS_SHOWN = 1000;
    private static final int MAX_FIELDS = 100;

    private final ContactImports imports;
    private final HeldUploads uploads;
    private final Spool spool;
    private final TransferSlots slots;
    private final ListService lists;
    private final CustomFieldService fields;

    ImportUploadPages(
            ContactImports imports,
            HeldUploads uploads,
            Spool spool,
            TransferSlots slots,
            ListService lists,
            CustomFieldService fields) {
        this.imports = imports;
        this.uploads = uploads;
        this.spool = spool;
        this.slots = slots;
        this.lists = lists;
        this.fields = fields;
    }

    /**
     * The multipart form is read as a stream (the container parses none); its CSRF token comes in
     * the query string or a header, since the security filter cannot read a multipart body.
     */
    @PostMapping(path = "/console/imports", consumes = "multipart/form-data")
    String upload(Caller caller, HttpServletRequest request) throws IOException {
        TransferSlots.Slot slot = slots.upload(caller.accountId());
        try {
            Spool.File file = null;
            String fileName = "";
            try {
                FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
                while (parts.hasNext()) {
                    FileItemInput part = parts.next();
                    try (InputStream in = part.getInputStream()) {
                        if ("file".equals(part.getFieldName()) && !part.isFormField() && file == null) {
                            fileName = part.getName() == null ? "" : part.getName();
                            file = spool.receive(in, ".csv");
                        } else {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                }
                if (file == null || file.size() == 0) {
                    throw new ValidationFailed("Choose a CSV file to import; the form had none, or it was empty");
                }
                CsvPreview.read(file);
            } catch (FileUploadException e) {
                close(file);
                throw new ValidationFailed("The upload is not a valid multipart/form-data form: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                close(file);
                if (e.getCause() instanceof ApiException api) {
                    throw api;
                }
                throw e;
            }
            return "redirect:/console/imports/uploads/" + uploads.hold(caller.accountId(), file, fileName);
        } finally {
            slot.close();
        }
    }

    @GetMapping("/console/imports/uploads/{uploadId}")
    String preview(Frame frame, Caller caller, @PathVariable UUID uploadId, Model model) throws IOException {
        HeldUploads.Held upload = uploads.get(caller.accountId(), uploadId);
        CsvPreview.Head head = CsvPreview.read(upload.file());
        List<ImportPreview.Target> targets = new ArrayList<>();
        targets.add(new ImportPreview.Target("", "Skip this column"));
        ContactImports.columns().forEach(c -> targets.add(new ImportPreview.Target(c, c)));
        Map<String, String> labels = new LinkedHashMap<>();
        for (CustomFieldView field :
                fields.page(caller.accountId(), null, MAX_FIELDS).customFields()) {
            targets.add(new ImportPreview.Target("cf:" + field.name(), "Custom field: " + field.label()));
            labels.put(field.label().strip().toLowerCase(Locale.ROOT), "cf:" + field.name());
        }
        Set<String> values = new java.util.HashSet<>();
        targets.forEach(t -> values.add(t.value()));
        List<ImportPreview.Mapping> mapping = new ArrayList<>();
        for (int i = 0; i < head.headers().size(); i++) {
            String header = head.headers().get(i);
            mapping.add(new ImportPreview.Mapping(i, header, CsvPreview.guess(header, values, labels)));
        }
        List<ImportPreview.ListChoice> choices = lists
                .page(
                        caller.accountId(),
                        new ListQuery(MAX_LISTS_SHOWN, false, null, null, ListQuery.ListStatus.ACTIVE, null))
                .lists()
                .stream()
                .map(l -> new ImportPreview.ListChoice(l.listId(), l.name()))
                .toList();
        model.addAttribute(
                "preview",
                new ImportPreview(uploadId, upload.fileName(), head.headers(), head.rows(), mapping, targets, choices));
        return "imports/preview";
    }

    /** Starts the import with the chosen columns and lists; a refusal keeps the upload to try again. */
    @PostMapping("/console/imports/uploads/{uploadId}")
    String start(
            Caller caller,
            @PathVariable UUID uploadId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "list_ids", required = false) @Nullable List<String> listIds)
            throws IOException {
        HeldUploads.Held upload = uploads.take(caller.accountId(), uploadId);
        ActivityView started;
        try (CSVParser csv = CsvRows.parse(upload.file())) {
            List<@Nullable String> columns = new ArrayList<>();
            for (int i = 0; i < csv.getHeaderNames().size(); i++) {
                String chosen = form.getOrDefault("column_" + i, "").strip();
                columns.add(chosen.isEmpty() ? null : chosen);
            }
            if (columns.stream().noneMatch("email"::equals)) {
                throw new ValidationFailed(
                        "Choose the column that holds the email addresses: one column must be" + " read as email");
            }
            List<String> chosenLists = listIds == null ? List.of() : listIds;
            if (chosenLists.isEmpty()) {
                throw new ValidationFailed("Choose at least one list to add the contacts to");
            }
            started = imports.acceptFile(caller.accountId(), new CsvRows(csv, columns, chosenLists, upload.fileName()));
        } catch (IOException | RuntimeException e) {
            uploads.giveBack(upload);
            throw e;
        }
        upload.file().close();
        return "redirect:/console/imports/" + started.activityId();
    }

    private static void close(Spool.@Nullable File file) {
        if (file != null) {
            file.close();
        }
    }
}
