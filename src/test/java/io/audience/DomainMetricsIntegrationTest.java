package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The domain meters move with what the service does, and the Grafana dashboard in deploy/ asks
 * only for series the service exports.
 */
class DomainMetricsIntegrationTest extends IntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");
    private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:audience|http|jvm|hikaricp)_[a-z_]+)\\b");

    private Map<String, Double> scrape() {
        Api.Response metrics = admin().get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : metrics.raw().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                samples.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return samples;
    }

    private static double grew(Map<String, Double> before, Map<String, Double> after, String series) {
        assertThat(after).as("exported: " + series).containsKey(series);
        return after.get(series) - before.getOrDefault(series, 0.0);
    }

    private static double sumOf(Map<String, Double> samples, String name, String label) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    @Test
    void signUpsOptOutsImportRowsAndMailAreCountedOnceCommittedAndTheGaugesAreExported() {
        Api api = newAccount();
        settings(api, true);
        Map<String, Double> before = scrape();

        String list = createList(api, "Metered");
        String[] people = {uniqueEmail("metered"), uniqueEmail("metered")};
        for (String person : people) {
            Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                    {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(person, list)));
            assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        }
        String leaving = uniqueEmail("leaving");
        String leavingId = createContact(api, leaving).get("contact_id").asString();
        assertThat(api.put("/v3/contacts/" + leavingId, Api.json("""
                        {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"},
                         "update_source": "Account"}""".formatted(leaving)))
                        .status())
                .isEqualTo(200);
        // A request that fails changes nothing and counts nothing.
        assertThat(api.post("/v3/contacts/sign_up_form", Api.json("{\"email_address\": \"not an address\"}"))
                        .status())
                .isEqualTo(400);
        JsonNode imported = awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"list_ids": ["%s"],
                 "import_data": [{"email": "%s"}, {"email": "%s"}, {"email": "%s"}, {"email": "broken"}]}
                """.formatted(
                        list, uniqueEmail("row"), uniqueEmail("row"), uniqueEmail("row")))));
        assertThat(imported.get("status").get("error_count").asInt()).isEqualTo(1);
        String suppressed = uniqueEmail("suppressed");
        createContact(api, suppressed);
        awaitCompleted(
                api,
                api.raw(
                        "POST",
                        "/v3/activities/suppressions_import",
                        "text/csv",
                        ("Email,Reason\r\n" + suppressed + ",unsubscribed\r\n").getBytes(StandardCharsets.UTF_8)));
        for (String person : people) {
            Mailbox.awaitMail(person, 1, Duration.ofSeconds(30));
        }

        Map<String, Double> after = scrape();
        assertThat(grew(before, after, "audience_signups_total{contact=\"created\",via=\"api\"}"))
                .isEqualTo(2.0);
        assertThat(grew(before, after, "audience_consent_changes_total{channel=\"api\",to=\"unsubscribed\"}"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(grew(
                        before,
                        after,
                        "audience_consent_changes_total{channel=\"suppression_import\",to=\"unsubscribed\"}"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(grew(
                        before,
                        after,
                        "audience_activity_rows_total{kind=\"contacts_json_import\",outcome=\"applied\"}"))
                .isGreaterThanOrEqualTo(3.0);
        // The row without an address was refused as it was received, before any worker: counted in the
        // activity's report, not as a row a worker failed.
        assertThat(after).containsKey("audience_activity_rows_total{kind=\"contacts_json_import\",outcome=\"failed\"}");
        // A gauge whose reading failed is exported as NaN.
        for (String state : new String[] {"initialized", "processing", "completed", "failed"}) {
            assertThat(after.get("audience_activities{state=\"" + state + "\"}"))
                    .as(state)
                    .isNotNull()
                    .isNotNaN()
                    .isGreaterThanOrEqualTo(0.0);
        }
        assertThat(after.get("audience_mail_backlog")).isNotNull().isNotNaN().isGreaterThanOrEqualTo(0.0);
        assertThat(after.get("audience_webhooks_backlog"))
                .isNotNull()
                .isNotNaN()
                .isGreaterThanOrEqualTo(0.0);
        assertThat(sumOf(after, "audience_mail_attempts_total", "result=\"sent\"")
                        - sumOf(before, "audience_mail_attempts_total", "result=\"sent\""))
                .as("the two confirmation mails")
                .isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void everySeriesTheGrafanaDashboardAsksForIsExported() throws Exception {
        String dashboard = Files.readString(Path.of("deploy", "grafana", "audience-dashboard.json"));
        JsonNode panels = Api.JSON.readTree(dashboard).get("panels");
        assertThat(panels).isNotEmpty();
        TreeSet<String> asked = new TreeSet<>();
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.get("targets")) {
                Matcher names = METRIC_NAME.matcher(target.get("expr").asString());
                while (names.find()) {
                    asked.add(names.group(1));
                }
            }
        }
        assertThat(asked).contains("audience_signups_total", "audience_activities", "audience_mail_backlog");
        // Mail attempts are counted by kind from the first one on: one confirmation mail is sent first.
        Api api = newAccount();
        settings(api, true);
        String person = uniqueEmail("dashboard");
        assertThat(api.post("/v3/contacts/sign_up_form", Api.json("""
                        {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(person, createList(api, "Dashboard"))))
                        .status())
                .isEqualTo(201);
        Mailbox.awaitMail(person, 1, Duration.ofSeconds(30));
        TreeSet<String> exported = new TreeSet<>();
        for (String series : scrape().keySet()) {
            String name = series.replaceAll("\\{.*", "");
            exported.add(name);
            exported.add(name.replaceAll("_(count|sum|max|bucket)$", ""));
        }
        TreeSet<String> missing = new TreeSet<>(asked);
        missing.removeAll(exported);
        assertThat(missing).as("asked for by the dashboard, not exported").isEmpty();
    }
}
