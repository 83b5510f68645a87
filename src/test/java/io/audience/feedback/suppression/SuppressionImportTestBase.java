package io.audience.feedback.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jooq.Record;
import org.jooq.Result;
import tools.jackson.databind.JsonNode;

/** What the suppression import tests send and read: the upload, an address's consent, the report. */
abstract class SuppressionImportTestBase extends IntegrationTest {

    static final String BOUNDARY = "----audience-suppression-boundary";
    static final String PATH = "/v3/activities/suppressions_import";

    Record consent(String accountId, String emailKey) {
        Result<Record> rows = db.fetch(
                "select * from email_consent where account_id = ?::uuid and email_key = ?", accountId, emailKey);
        assertThat(rows).as("the consent of " + emailKey).hasSize(1);
        return rows.get(0);
    }

    static String outcome(Map<Integer, JsonNode> report, int row) {
        return report.get(row).get("outcome").asString();
    }

    static Map<Integer, JsonNode> report(Api api, String activity) {
        JsonNode rows = api.get("/v3/activities/" + activity + "/report").json().get("rows");
        return StreamSupport.stream(rows.spliterator(), false)
                .collect(Collectors.toMap(r -> r.get("number").asInt(), r -> r));
    }

    static Api.Response upload(Api api, String csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"old.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.raw("POST", PATH, "multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
    }
}
