package io.audience.contact.export.web;

import io.audience.activity.web.ActivityResource;
import io.audience.api.BoundedIds;
import io.audience.api.Caller;
import io.audience.api.IdLists;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.Unsupported;
import io.audience.contact.export.ContactExports;
import io.audience.transfer.web.SpooledDownloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

@RestController
@Requires(Privilege.CONTACTS_WRITE)
class ExportController {

    private final ContactExports exports;
    private final SpooledDownloads downloads;

    ExportController(ContactExports exports, SpooledDownloads downloads) {
        this.exports = exports;
        this.downloads = downloads;
    }

    record Exclude(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> contactIds) {}

    record ExportInput(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> contactIds,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listIds,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> tagIds,

            @Nullable String status,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> fields,

            @Nullable Exclude exclude,
            @Nullable Object segmentId,
            @Nullable Boolean newSubscriber) {}

    @PostMapping(path = "/v3/activities/contact_exports", consumes = "application/json")
    ResponseEntity<ActivityResource> request(Caller caller, @RequestBody ExportInput body) {
        Unsupported.refuse("segment_id", body.segmentId() != null, "Audience has no segments");
        Unsupported.refuse(
                "new_subscriber",
                Boolean.TRUE.equals(body.newSubscriber()),
                "select the contacts by list_ids, tag_ids, contact_ids or status instead");
        ContactExports.ExportRequest request = new ContactExports.ExportRequest(
                IdLists.idsOf("contact_ids", body.contactIds()),
                IdLists.idsOf("list_ids", body.listIds()),
                IdLists.idsOf("tag_ids", body.tagIds()),
                body.status(),
                body.fields() == null ? List.of() : body.fields(),
                IdLists.idsOf(
                        "exclude.contact_ids",
                        body.exclude() == null ? null : body.exclude().contactIds()));
        ActivityResource activity = ActivityResource.of(exports.request(caller.accountId(), request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }

    /**
     * The CSV, copied by PostgreSQL into a spool file (never the whole export in memory, and no
     * connection held while the client reads), then sent.
     */
    @GetMapping("/v3/contact_exports/{file_export_id}")
    void download(Caller caller, @PathVariable("file_export_id") String id, HttpServletResponse response)
            throws IOException {
        UUID exportId = Limits.uuid("contact export", id);
        exports.requireExport(caller.accountId(), exportId);
        downloads.send(
                caller.accountId(),
                response,
                "text/csv;charset=UTF-8",
                "contacts-" + exportId + ".csv",
                out -> exports.write(caller.accountId(), exportId, out));
    }
}
