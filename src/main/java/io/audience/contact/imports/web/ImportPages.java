package io.audience.contact.imports.web;

import io.audience.activity.ActivityLog;
import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.contact.imports.ContactImports;
import io.audience.transfer.web.SpooledDownloads;
import io.audience.web.Frame;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Past imports, an import's progress (a fragment the page polls every second until the import
 * ends) and its per-row report as a CSV download, for the signed-in account only.
 */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class ImportPages {

    private static final int PAGE = 25;
    private static final int FAILURES_SHOWN = 20;

    private final ContactImports imports;
    private final ActivityLog activities;
    private final SpooledDownloads downloads;

    ImportPages(ContactImports imports, ActivityLog activities, SpooledDownloads downloads) {
        this.imports = imports;
        this.activities = activities;
        this.downloads = downloads;
    }

    @GetMapping("/console/imports")
    String list(Frame frame, Caller caller, @RequestParam(required = false) @Nullable UUID after, Model model) {
        List<ContactImports.PastImport> found = imports.past(caller.accountId(), after, PAGE + 1);
        boolean more = found.size() > PAGE;
        List<ContactImports.PastImport> page = more ? found.subList(0, PAGE) : found;
        model.addAttribute("imports", page);
        model.addAttribute(
                "next",
                more
                        ? "/console/imports?after="
                                + page.get(page.size() - 1).activity().activityId()
                        : null);
        return "imports/list";
    }

    @GetMapping("/console/imports/{activityId}")
    String progress(Frame frame, Caller caller, @PathVariable UUID activityId, Model model) {
        model.addAttribute("progress", progressOf(caller, activityId));
        return "imports/progress";
    }

    /** The status region alone, polled by the page; once the import has ended it asks for no more. */
    @GetMapping("/console/imports/{activityId}/status")
    String status(Caller caller, @PathVariable UUID activityId, Model model) {
        model.addAttribute("progress", progressOf(caller, activityId));
        return "imports/status";
    }

    /** Every row with how it ended, as CSV: written to a spool file first, as the API's report is. */
    @GetMapping("/console/imports/{activityId}/report.csv")
    void report(Caller caller, @PathVariable UUID activityId, HttpServletResponse response) throws IOException {
        imports.get(caller.accountId(), activityId);
        downloads.send(
                caller.accountId(), response, "text/csv;charset=UTF-8", "import-" + activityId + "-report.csv", out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
                    csv.printRecord("row", "outcome", "reason", "contact_id");
                    activities.report(caller.accountId(), activityId, row -> {
                        try {
                            csv.printRecord(
                                    row.number(),
                                    row.outcome(),
                                    neutralised(row.reason()),
                                    row.contactId() == null ? "" : row.contactId());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    csv.flush();
                });
    }

    private ImportProgress progressOf(Caller caller, UUID activityId) {
        ContactImports.PastImport found = imports.get(caller.accountId(), activityId);
        ImportProgress progress = ImportProgress.of(
                found.activity(), found.fileName(), activities.outcomes(caller.accountId(), activityId), List.of());
        if (!progress.finished() || progress.outcomes().failed() == 0) {
            return progress;
        }
        return ImportProgress.of(
                found.activity(),
                found.fileName(),
                progress.outcomes(),
                activities.failures(caller.accountId(), activityId, FAILURES_SHOWN));
    }

    /** A reason a spreadsheet would run as a formula gets a leading quote (as the exports do). */
    private static String neutralised(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
