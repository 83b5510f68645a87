package io.audience.contact.export.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.IdLists;
import io.audience.api.Privilege;
import io.audience.contact.export.ContactExports;
import io.audience.list.ListQuery;
import io.audience.list.ListService;
import io.audience.transfer.web.SpooledDownloads;
import io.audience.web.Frame;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Contact exports in the console: choose lists, a state and columns; the export is recorded as the
 * API records it and its CSV is made when downloaded (a snapshot copied by PostgreSQL).
 */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class ExportPages {

    private static final int PAGE = 25;
    private static final int MAX_LISTS_SHOWN = 1000;

    private final ContactExports exports;
    private final ListService lists;
    private final SpooledDownloads downloads;

    ExportPages(ContactExports exports, ListService lists, SpooledDownloads downloads) {
        this.exports = exports;
        this.lists = lists;
        this.downloads = downloads;
    }

    @GetMapping("/console/exports")
    String list(Frame frame, Caller caller, @RequestParam(required = false) @Nullable UUID after, Model model) {
        List<ContactExports.PastExport> found = exports.past(caller.accountId(), after, PAGE + 1);
        boolean more = found.size() > PAGE;
        List<ContactExports.PastExport> page = more ? found.subList(0, PAGE) : found;
        List<ExportForm.Choice> choices = lists
                .page(
                        caller.accountId(),
                        new ListQuery(MAX_LISTS_SHOWN, false, null, null, ListQuery.ListStatus.ACTIVE, null))
                .lists()
                .stream()
                .map(l -> ExportForm.list(l.listId(), l.name()))
                .toList();
        model.addAttribute(
                "form",
                new ExportForm(
                        choices,
                        ExportForm.STATES,
                        java.util.stream.Stream.concat(
                                        ContactExports.columns().stream(), ContactExports.linkColumns().stream())
                                .toList()));
        model.addAttribute("exports", page);
        model.addAttribute(
                "next",
                more
                        ? "/console/exports?after="
                                + page.get(page.size() - 1).activity().activityId()
                        : null);
        return "exports/list";
    }

    /** Records the export as POST /v3/activities/contact_exports does, then shows it. */
    @PostMapping("/console/exports")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String start(
            Caller caller,
            @RequestParam(name = "list_ids", required = false) @Nullable List<String> listIds,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "fields", required = false) @Nullable List<String> fields) {
        ContactExports.ExportRequest request = new ContactExports.ExportRequest(
                List.of(),
                IdLists.idsOf("list_ids", listIds),
                List.of(),
                status == null || status.isBlank() ? null : status,
                fields == null ? List.of() : fields,
                List.of());
        UUID id = exports.request(caller.accountId(), request).activityId();
        return "redirect:/console/exports/" + id;
    }

    @GetMapping("/console/exports/{activityId}")
    String export(Frame frame, Caller caller, @PathVariable UUID activityId, Model model) {
        model.addAttribute("export", exports.get(caller.accountId(), activityId));
        return "exports/export";
    }

    /** The CSV, copied by PostgreSQL into a spool file, then sent, as the API's download is. */
    @GetMapping("/console/exports/{activityId}/file")
    void download(Caller caller, @PathVariable UUID activityId, HttpServletResponse response) throws IOException {
        exports.requireExport(caller.accountId(), activityId);
        downloads.send(
                caller.accountId(),
                response,
                "text/csv;charset=UTF-8",
                "contacts-" + activityId + ".csv",
                out -> exports.write(caller.accountId(), activityId, out));
    }
}
