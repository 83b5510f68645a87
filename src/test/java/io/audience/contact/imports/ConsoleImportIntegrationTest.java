package io.audience.contact.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's CSV import over HTTP: upload, preview, mapping, start, progress, report; per account. */
class ConsoleImportIntegrationTest extends IntegrationTest {

    private static final String BOUNDARY = "----console-import-boundary";
    private static final Pattern UPLOAD = Pattern.compile("/console/imports/uploads/([0-9a-f-]{36})$");
    private static final Pattern ACTIVITY = Pattern.compile("/console/imports/([0-9a-f-]{36})$");

    @Test
    void anUploadedFileIsPreviewedMappedImportedAndReportedWithExactCounts() {
        NamedAccount account = namedAccount("Importer");
        String list = createList(account.api(), "Newsletter");
        String existing1 = uniqueEmail("existing1");
        String existing2 = uniqueEmail("existing2");
        createContact(account.api(), existing1);
        createContact(account.api(), existing2);
        String optedOut = optedOut(account.api());
        StringBuilder csv = new StringBuilder("E-mail address,First name,Last name,Favourite colour\r\n");
        for (int i = 1; i <= 294; i++) {
            csv.append("new")
                    .append(i)
                    .append("-")
                    .append(account.id(), 0, 8)
                    .append("@people.example,Ann")
                    .append(i)
                    .append(",Row")
                    .append(i)
                    .append(",blue\r\n");
        }
        csv.append("not an address,Bad,One,red\r\n").append("@nowhere,Bad,Two,red\r\n");
        csv.append("also bad,Bad,Three,red\r\n");
        csv.append(existing1).append(",Updated,One,green\r\n").append(existing2).append(",Updated,Two,green\r\n");
        csv.append(optedOut).append(",Revived,Never,green\r\n");
        ConsoleClient console = signedIn(account);

        ConsoleClient.Page uploaded = upload(console, csv.toString(), true);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(302);
        String uploadPath =
                uploaded.location().map(ConsoleImportIntegrationTest::path).orElseThrow();
        assertThat(uploadPath).matches(".*" + UPLOAD.pattern());

        ConsoleClient.Page preview = console.get(uploadPath);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body()).contains("new1-" + account.id().substring(0, 8) + "@people.example");
        assertThat(preview.body()).contains("new10-").doesNotContain("new11-");
        assertThat(selected(preview.body(), 0)).isEqualTo("email");
        assertThat(selected(preview.body(), 1)).isEqualTo("first_name");
        assertThat(selected(preview.body(), 2)).isEqualTo("last_name");
        assertThat(selected(preview.body(), 3))
                .as("an unknown column is skipped")
                .isEmpty();

        ConsoleClient.Page withoutToken =
                console.postWithoutToken(uploadPath, Map.of("column_0", "email", "list_ids", list));
        assertThat(withoutToken.status()).as(withoutToken.toString()).isEqualTo(403);

        ConsoleClient.Page started = console.post(
                uploadPath,
                Map.of(
                        "column_0",
                        "email",
                        "column_1",
                        "first_name",
                        "column_2",
                        "last_name",
                        "column_3",
                        "",
                        "list_ids",
                        list));
        assertThat(started.status()).as(started.toString()).isEqualTo(302);
        String progressPath =
                started.location().map(ConsoleImportIntegrationTest::path).orElseThrow();
        assertThat(progressPath).matches(".*" + ACTIVITY.pattern());
        assertThat(console.get(uploadPath).status())
                .as("a started upload is gone")
                .isEqualTo(404);

        ConsoleClient.Page page = console.get(progressPath);
        assertThat(page.body()).contains("<progress id=\"import-progress\"");
        String status = awaitFinished(console, progressPath + "/status");
        assertThat(number(status, "created")).isEqualTo(294);
        assertThat(number(status, "updated")).isEqualTo(2);
        assertThat(number(status, "skipped")).isEqualTo(1);
        assertThat(number(status, "failed")).isEqualTo(3);
        assertThat(number(status, "rows-done")).isEqualTo(300);
        assertThat(status).contains("id=\"failures\"").contains("Download the report");

        ConsoleClient.Page report = console.get(progressPath + "/report.csv");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.response().headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/csv");
        List<String> lines = report.body().lines().toList();
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo("row,outcome,reason,contact_id");
        assertThat(lines.get(1)).startsWith("1,created,");
        assertThat(lines.get(300)).startsWith("300,skipped,");

        assertThat(account.api()
                        .get("/v3/contacts?email=" + optedOut)
                        .json()
                        .get("contacts")
                        .get(0)
                        .get("email_address")
                        .get("permission_to_send")
                        .asString())
                .as("an opted-out address stays opted out")
                .isEqualTo("unsubscribed");
        assertThat(account.api()
                        .get("/v3/contacts?email=" + existing1)
                        .json()
                        .get("contacts")
                        .get(0)
                        .get("first_name")
                        .asString())
                .isEqualTo("Updated");

        ConsoleClient.Page past = console.get("/console/imports");
        assertThat(past.body()).contains("people.csv").contains(progressPath);
    }

    @Test
    void anUploadWithoutItsCsrfTokenIsRefusedAndNothingIsHeld() {
        NamedAccount account = namedAccount("No token");
        ConsoleClient console = signedIn(account);
        ConsoleClient.Page refused = upload(console, "email\r\nann@people.example\r\n", false);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.location()).isEmpty();
        ConsoleClient.Page accepted = upload(console, "email\r\nann@people.example\r\n", true);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(302);
    }

    @Test
    void anotherAccountsUploadsImportsAndExportsAreNotFound() {
        NamedAccount a = namedAccount("Owner A");
        String listA = createList(a.api(), "A's list");
        ConsoleClient consoleA = signedIn(a);
        String uploadPath = upload(consoleA, "email\r\nann@people.example\r\n", true)
                .location()
                .map(ConsoleImportIntegrationTest::path)
                .orElseThrow();
        String held = upload(consoleA, "email\r\nbob@people.example\r\n", true)
                .location()
                .map(ConsoleImportIntegrationTest::path)
                .orElseThrow();
        consoleA.get(uploadPath);
        String progressPath = consoleA.post(uploadPath, Map.of("column_0", "email", "list_ids", listA))
                .location()
                .map(ConsoleImportIntegrationTest::path)
                .orElseThrow();
        awaitFinished(consoleA, progressPath + "/status");
        consoleA.get("/console/exports");
        String exportPath = consoleA.post("/console/exports", Map.of("status", "all"))
                .location()
                .map(ConsoleImportIntegrationTest::path)
                .orElseThrow();

        NamedAccount b = namedAccount("Owner B");
        String listB = createList(b.api(), "B's list");
        ConsoleClient consoleB = signedIn(b);
        consoleB.get("/console/imports");
        for (String path : List.of(
                progressPath,
                progressPath + "/status",
                progressPath + "/report.csv",
                held,
                exportPath,
                exportPath + "/file")) {
            ConsoleClient.Page answer = consoleB.get(path);
            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(404);
        }
        ConsoleClient.Page start = consoleB.post(held, Map.of("column_0", "email", "list_ids", listB));
        assertThat(start.status()).as(start.toString()).isEqualTo(404);
        assertThat(consoleA.get(held).status()).as("A's upload is still there").isEqualTo(200);
        assertThat(b.api().get("/v3/contacts?status=all").json().get("contacts"))
                .isEmpty();
        assertThat(consoleB.get("/console/imports").body()).doesNotContain(progressPath);
        assertThat(consoleB.get("/console/exports").body()).doesNotContain(exportPath);
    }

    @Test
    void anExportDownloadsTheChosenColumnsOfTheChosenList() {
        NamedAccount account = namedAccount("Exporter");
        String list = createList(account.api(), "Exported");
        String member = uniqueEmail("member");
        String memberId = createContact(account.api(), member).get("contact_id").asString();
        createContact(account.api(), uniqueEmail("outsider"));
        Api.Response added =
                account.api().post("/v3/activities/add_list_memberships", Api.json("""
                {"source": {"contact_ids": ["%s"]}, "list_ids": ["%s"]}""".formatted(memberId, list)));
        awaitCompleted(account.api(), added);
        ConsoleClient console = signedIn(account);
        ConsoleClient.Page form = console.get("/console/exports");
        assertThat(form.body()).contains("Exported").contains("name=\"fields\" value=\"email_address\"");

        ConsoleClient.Page started = console.postWithoutToken(
                "/console/exports", Map.of("_csrf", console.csrfToken(), "list_ids", list, "fields", "email_address"));
        assertThat(started.status()).as(started.toString()).isEqualTo(302);
        String exportPath =
                started.location().map(ConsoleImportIntegrationTest::path).orElseThrow();
        ConsoleClient.Page page = console.get(exportPath);
        assertThat(page.body()).contains("Download the CSV").contains("value=\"100\"");
        ConsoleClient.Page file = console.get(exportPath + "/file");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.body().lines().toList()).containsExactly("email_address", "\"" + member + "\"");
    }

    private ConsoleClient signedIn(NamedAccount account) {
        return new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
    }

    private static String optedOut(Api api) {
        String email = uniqueEmail("optedout");
        String id = createContact(api, email).get("contact_id").asString();
        Api.Response put = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(email)));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        return email;
    }

    /** Uploads people.csv as the page's form does: the token in the query string (a multipart body is not read for it). */
    static ConsoleClient.Page upload(ConsoleClient console, String csv, boolean withToken) {
        console.get("/console/imports");
        String token = console.csrfToken();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return console.postBody(
                "/console/imports" + (withToken ? "?_csrf=" + token : ""),
                "multipart/form-data; boundary=" + BOUNDARY,
                body.toByteArray());
    }

    /** Polls the status fragment as the page does, until it stops asking to be polled. */
    static String awaitFinished(ConsoleClient console, String statusPath) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ConsoleClient.Page status = console.htmx("GET", statusPath, Map.of());
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            if (!status.body().contains("hx-trigger")) {
                return status.body();
            }
            assertThat(Instant.now()).as(status.toString()).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The path of a redirect's absolute location. */
    static String path(String location) {
        return java.net.URI.create(location).getRawPath();
    }

    private static String selected(String page, int column) {
        Matcher select = Pattern.compile("<select id=\"column_" + column + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(select.find()).as("column " + column).isTrue();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(1));
        assertThat(option.find()).as("a choice for column " + column).isTrue();
        return option.group(1);
    }

    private static int number(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(body);
        assertThat(m.find()).as(id + " in " + body).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
