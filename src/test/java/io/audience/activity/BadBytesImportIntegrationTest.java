package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** NUL, invalid UTF-8, control characters and over-long cells fail their row, never the import. */
class BadBytesImportIntegrationTest extends IntegrationTest {

    @Test
    void aJsonImportFailsEachRowWithABadByteAndImportsTheRest() {
        Api api = newAccount();
        String list = createList(api, "Bad bytes");
        String field = api.post("/v3/contact_custom_fields", Api.json("""
                {"label": "Colour", "type": "string"}"""))
                .json()
                .get("name")
                .asString();
        String good = uniqueEmail("good");
        String[] rows = {
            "{\"email\": \"" + good + "\", \"first_name\": \"Fine\"}",
            "{\"email\": \"" + uniqueEmail("nul") + "\", \"first_name\": \"Ja\\u0000ne\"}",
            "{\"email\": \"" + uniqueEmail("nulmail") + "\\u0000\"}",
            "{\"email\": \"" + uniqueEmail("bell") + "\", \"last_name\": \"Do\\u0007e\"}",
            "{\"email\": \"" + uniqueEmail("tab") + "\", \"company_name\": \"Tab\\there\"}",
            "{\"email\": \"" + uniqueEmail("c1") + "\", \"job_title\": \"x\\u0085y\"}",
            "{\"email\": \"" + uniqueEmail("cf") + "\", \"cf:" + field + "\": \"a\\u0000b\"}",
            "{\"email\": \"" + uniqueEmail("key") + "\", \"first\\u0000name\": \"Ann\"}",
            "{\"email\": \"" + uniqueEmail("utf8") + "\", \"first_name\": \"Jos@\"}",
            "{\"email\": \"" + uniqueEmail("long") + "\", \"first_name\": \"" + "x".repeat(51) + "\"}",
            "{\"email\": \"" + uniqueEmail("huge") + "\", \"birthday_month\": \"" + "9".repeat(100_000) + "\"}",
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                "{\"list_ids\": [\"%s\"], \"import_data\": [".formatted(list).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows.length; i++) {
            byte[] row = rows[i].getBytes(StandardCharsets.UTF_8);
            if (rows[i].contains("Jos@")) {
                // A Latin-1 é (0xE9) where UTF-8 is expected: not a valid sequence.
                int at = rows[i].indexOf("Jos@") + 3;
                row[at] = (byte) 0xE9;
            }
            body.writeBytes((i == 0 ? "" : ",").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(row);
        }
        body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));

        Api.Response accepted =
                api.raw("POST", "/v3/activities/contacts_json_import", "application/json", body.toByteArray());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode done = awaitCompleted(api, accepted);
        assertThat(done.get("status").get("items_total_count").asInt()).isEqualTo(rows.length);
        assertThat(done.get("status").get("person_count").asInt()).isEqualTo(1);
        assertThat(done.get("status").get("error_count").asInt()).isEqualTo(rows.length - 1);

        Map<Integer, JsonNode> report = report(api, done.get("activity_id").asString());
        assertThat(report.get(1).get("outcome").asString()).isEqualTo("created");
        assertThat(reason(report, 2)).isEqualTo("first_name contains a NUL character (U+0000) at character 3");
        assertThat(reason(report, 3)).startsWith("email contains a NUL character (U+0000)");
        assertThat(reason(report, 4)).isEqualTo("last_name contains the control character U+0007 at character 3");
        assertThat(reason(report, 5)).isEqualTo("company_name contains the control character U+0009 at character 4");
        assertThat(reason(report, 6)).isEqualTo("job_title contains the control character U+0085 at character 2");
        assertThat(reason(report, 7)).isEqualTo("cf:" + field + " contains a NUL character (U+0000) at character 2");
        assertThat(reason(report, 8))
                .isEqualTo("the name of column 2 contains a NUL character (U+0000) at character 6");
        assertThat(reason(report, 9)).isEqualTo("first_name is not valid UTF-8 text (byte sequence at character 4)");
        assertThat(reason(report, 10)).isEqualTo("first_name must be at most 50 characters, not 51");
        assertThat(reason(report, 11)).isEqualTo("birthday_month is 100000 characters long; at most 1024 are read");
        for (int row = 2; row <= rows.length; row++) {
            assertThat(report.get(row).get("outcome").asString()).isEqualTo("failed");
        }
        assertThat(api.get("/v3/contacts?status=all").json().get("contacts")).hasSize(1);
        assertThat(api.get("/v3/contacts?email=" + good)
                        .json()
                        .get("contacts")
                        .get(0)
                        .get("first_name")
                        .asString())
                .isEqualTo("Fine");
    }

    @Test
    void aCsvImportFailsEachRowWithABadByteAndImportsTheRest() {
        Api api = newAccount();
        String list = createList(api, "Bad bytes in a file");
        String good = uniqueEmail("good");
        String[] lines = {
            "email,first_name,last_name",
            good + ",Fine,Person",
            uniqueEmail("nul") + ",Ja\u0000ne,Doe",
            uniqueEmail("bell") + ",Jane,Do\u0007e",
            uniqueEmail("tab") + ",\"Ja\tne\",Doe",
            uniqueEmail("newline") + ",\"Ja\nne\",Doe",
            uniqueEmail("utf8") + ",Jos@,Doe",
            uniqueEmail("long") + ",Jane," + "x".repeat(51),
            uniqueEmail("del") + ",Ja\u007Fne,Doe",
        };
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        for (String line : lines) {
            byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
            if (line.contains("Jos@")) {
                bytes[line.indexOf("Jos@") + 3] = (byte) 0xE9;
            }
            csv.writeBytes(bytes);
        }

        Api.Response accepted = FileImportIntegrationTest.upload(api, csv.toByteArray(), list);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode done = awaitCompleted(api, accepted);
        assertThat(done.get("status").get("items_total_count").asInt()).isEqualTo(lines.length - 1);
        assertThat(done.get("status").get("person_count").asInt()).isEqualTo(1);

        Map<Integer, JsonNode> report = report(api, done.get("activity_id").asString());
        assertThat(report.get(1).get("outcome").asString()).isEqualTo("created");
        assertThat(reason(report, 2)).isEqualTo("first_name contains a NUL character (U+0000) at character 3");
        assertThat(reason(report, 3)).isEqualTo("last_name contains the control character U+0007 at character 3");
        assertThat(reason(report, 4)).isEqualTo("first_name contains the control character U+0009 at character 3");
        assertThat(reason(report, 5)).isEqualTo("first_name contains the control character U+000A at character 3");
        assertThat(reason(report, 6)).isEqualTo("first_name is not valid UTF-8 text (byte sequence at character 4)");
        assertThat(reason(report, 7)).isEqualTo("last_name must be at most 50 characters, not 51");
        assertThat(reason(report, 8)).isEqualTo("first_name contains the control character U+007F at character 3");
        assertThat(api.get("/v3/contacts?status=all").json().get("contacts")).hasSize(1);
    }

    private static String reason(Map<Integer, JsonNode> report, int row) {
        assertThat(report.get(row).get("outcome").asString()).as("row " + row).isEqualTo("failed");
        return report.get(row).get("reason").asString();
    }

    private static Map<Integer, JsonNode> report(Api api, String activity) {
        Map<Integer, JsonNode> rows = new HashMap<>();
        api.get("/v3/activities/" + activity + "/report")
                .json()
                .get("rows")
                .forEach(r -> rows.put(r.get("number").asInt(), r));
        return rows;
    }
}
