package io.audience.feedback.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A suppression file that cannot be applied is refused whole; a bad row fails alone. */
class SuppressionImportRefusalsIntegrationTest extends SuppressionImportTestBase {

    @Test
    void aFileWithoutTheRequiredColumnsOrNotCsvIsRefusedBeforeAnythingIsWrittenAndAnotherAccountCannotSeeTheActivity() {
        NamedAccount a = namedAccount("suppressions-refused");
        Api.Response refused = upload(a.api(), "email,source\n" + uniqueEmail("x") + ",Account\n");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.error().get("error_message").asString()).contains("no reason column");
        Api.Response noEmail =
                a.api().raw("POST", PATH, "text/csv", "reason\nbounced\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noEmail.status()).as(noEmail.toString()).isEqualTo(400);
        Api.Response unclosed = upload(a.api(), "email,reason\n\"" + uniqueEmail("q") + ",bounced\n");
        assertThat(unclosed.status()).as(unclosed.toString()).isEqualTo(400);
        assertThat(unclosed.error().get("error_message").asString())
                .as("in words, without the parser's class name")
                .isEqualTo("The file is not valid CSV: (line 2) the file ends inside a quoted cell");
        assertThat(db.fetchValue("select count(*)::int from activity where account_id = ?::uuid", a.id()))
                .isEqualTo(0);
        assertThat(db.fetchValue("select count(*)::int from email_consent where account_id = ?::uuid", a.id()))
                .isEqualTo(0);

        String address = uniqueEmail("raw");
        Api.Response raw = a.api()
                .raw(
                        "POST",
                        PATH,
                        "text/csv",
                        ("email,reason\n" + address + ",bounced\n").getBytes(StandardCharsets.UTF_8));
        String activity = awaitCompleted(a.api(), raw).get("activity_id").asString();
        assertThat(consent(a.id(), address).get("delivery_status")).isEqualTo("bounced");

        // NUL cannot be stored in PostgreSQL text: a row that carries one fails with a readable
        // reason, and the rest of the file is applied.
        String clean = uniqueEmail("clean");
        Api.Response nul = upload(
                a.api(),
                "email,reason,source\n" + "nul\u0000" + clean + ",bounced,\n" + clean + ",unsubscribed,\u0000Account\n"
                        + clean + ",bounced,\n");
        String nulActivity = awaitCompleted(a.api(), nul).get("activity_id").asString();
        Map<Integer, JsonNode> nulReport = report(a.api(), nulActivity);
        assertThat(outcome(nulReport, 1)).isEqualTo("failed");
        assertThat(nulReport.get(1).get("reason").asString())
                .doesNotContain("\u0000")
                .contains("\uFFFD");
        assertThat(outcome(nulReport, 2)).isEqualTo("failed");
        assertThat(outcome(nulReport, 3)).isEqualTo("created");
        assertThat(consent(a.id(), clean).get("delivery_status")).isEqualTo("bounced");

        Api other = newAccount();
        assertThat(other.get("/v3/activities/" + activity).status()).isEqualTo(404);
        assertThat(other.get("/v3/activities/" + activity + "/report").status()).isEqualTo(404);
    }
}
