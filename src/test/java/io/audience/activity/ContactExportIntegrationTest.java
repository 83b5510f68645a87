package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContactExportIntegrationTest extends IntegrationTest {

    @Test
    void exportIsACompletedActivityWhoseResultsLinkStreamsTheCsv() {
        Api api = newAccount();
        String list = createList(api, "Export");
        for (int i = 0; i < 3; i++) {
            api.post("/v3/contacts", Api.json("""
                    {"email_address": {"address": "e%d@export.example"}, "first_name": "Name, \\"quoted\\" %d",
                     "create_source": "Account", "list_memberships": ["%s"]}
                    """.formatted(i, i, list)));
        }
        seedContacts(api, "bulk", "export.example", 2500);

        Api.Response accepted = api.post("/v3/activities/contact_exports", Api.json("{}"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode activity = accepted.json();
        assertThat(activity.get("state").asString()).isEqualTo("completed");
        String results = activity.get("_links").get("results").get("href").asString();

        Api.Response csv = api.get(results, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.get(0)).startsWith("contact_id,email_address,first_name");
        assertThat(lines).hasSize(1 + 2503);
        Set<String> ids = new HashSet<>();
        lines.stream()
                .skip(1)
                .forEach(l -> assertThat(ids.add(l.substring(0, 36))).isTrue());
        assertThat(csv.raw()).contains("\"Name, \"\"quoted\"\" 1\"");

        String filtered = api.post("/v3/activities/contact_exports", Api.json("""
                {"list_ids": ["%s"], "fields": ["email_address", "email_permission_status"]}
                """.formatted(list)))
                .json()
                .get("_links")
                .get("results")
                .get("href")
                .asString();
        List<String> onList =
                api.get(filtered, "Accept", "text/csv").raw().lines().toList();
        assertThat(onList)
                .containsExactly(
                        "email_address,email_permission_status",
                        "\"e0@export.example\",\"implicit\"",
                        "\"e1@export.example\",\"implicit\"",
                        "\"e2@export.example\",\"implicit\"");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreNeutralisedAndQuoted() throws Exception {
        Api api = newAccount();
        List<String> starts = List.of("=", "+", "-", "@", "\t", "\r");
        Map<String, String> emails = new java.util.LinkedHashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            String start = starts.get(i);
            String email = uniqueEmail("formula" + i);
            emails.put(email, start);
            Api.Response created = api.post(
                    "/v3/contacts", Api.json("""
                    {"email_address": {"address": "%s"}, "first_name": "%sSUM(A1:A9)", "last_name": "%scmd|' /C calc'!A0",
                     "job_title": "%sjob", "company_name": "%sco", "create_source": "Account"}
                    """.formatted(email, esc(start), esc(start), esc(start), esc(start))));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        String plainEmail = uniqueEmail("plain");
        api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Plain = fine", "create_source": "Account"}
                """.formatted(plainEmail)));
        String dashEmail = "-" + uniqueEmail("dash");
        assertThat(api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(dashEmail))).status())
                .isEqualTo(201);

        String results = api.post("/v3/activities/contact_exports", Api.json("{}"))
                .json()
                .get("_links")
                .get("results")
                .get("href")
                .asString();
        String csv = api.get(results, "Accept", "text/csv").raw();
        Map<String, CSVRecord> byEmail = new HashMap<>();
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))) {
            parser.forEach(r -> byEmail.put(r.get("email_address"), r));
        }
        assertThat(byEmail).hasSize(starts.size() + 2);
        for (Map.Entry<String, String> formula : emails.entrySet()) {
            CSVRecord row = byEmail.get(formula.getKey());
            String start = formula.getValue();
            assertThat(row.get("first_name"))
                    .as("starting with U+%04X", (int) start.charAt(0))
                    .isEqualTo("'" + start + "SUM(A1:A9)");
            assertThat(row.get("last_name")).isEqualTo("'" + start + "cmd|' /C calc'!A0");
            assertThat(row.get("job_title")).isEqualTo("'" + start + "job");
            assertThat(row.get("company_name")).isEqualTo("'" + start + "co");
            assertThat(csv).contains("\"'" + start + "job\"");
        }
        assertThat(byEmail.get(plainEmail).get("first_name")).isEqualTo("Plain = fine");
        assertThat(csv).as("every text cell is quoted").contains("\"" + plainEmail + "\",\"Plain = fine\"");
        assertThat(byEmail).containsKey("'" + dashEmail);
    }

    private static String esc(String start) {
        return start.equals("\t") ? "\\t" : start.equals("\r") ? "\\r" : start;
    }

    @Test
    void exportsAreCheckedAndPrivate() {
        Api a = newAccount();
        String results = a.post("/v3/activities/contact_exports", Api.json("{}"))
                .json()
                .get("_links")
                .get("results")
                .get("href")
                .asString();
        Api b = newAccount();
        assertThat(b.get(results, "Accept", "text/csv").status()).isEqualTo(404);
        assertThat(a.post("/v3/activities/contact_exports", Api.json("{\"fields\": [\"password\"]}"))
                        .status())
                .isEqualTo(400);
        assertThat(a.post("/v3/activities/contact_exports", Api.json("{\"status\": \"bogus\"}"))
                        .status())
                .isEqualTo(400);
        assertThat(a.post("/v3/activities/contact_exports", Api.json("""
                {"list_ids": ["%s"]}
                """.formatted(createList(b, "B's"))))
                        .status())
                .isEqualTo(404);
    }
}
