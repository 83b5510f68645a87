package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        lines.stream().skip(1).forEach(l -> assertThat(ids.add(l.substring(0, 36))).isTrue());
        assertThat(csv.raw()).contains("\"Name, \"\"quoted\"\" 1\"");

        String filtered = api.post("/v3/activities/contact_exports", Api.json("""
                {"list_ids": ["%s"], "fields": ["email_address", "email_permission_status"]}
                """.formatted(list))).json().get("_links").get("results").get("href").asString();
        List<String> onList = api.get(filtered, "Accept", "text/csv").raw().lines().toList();
        assertThat(onList).containsExactly("email_address,email_permission_status",
                "e0@export.example,implicit", "e1@export.example,implicit", "e2@export.example,implicit");
    }

    @Test
    void exportsAreCheckedAndPrivate() {
        Api a = newAccount();
        String results = a.post("/v3/activities/contact_exports", Api.json("{}")).json()
                .get("_links").get("results").get("href").asString();
        Api b = newAccount();
        assertThat(b.get(results, "Accept", "text/csv").status()).isEqualTo(404);
        assertThat(a.post("/v3/activities/contact_exports", Api.json("{\"fields\": [\"password\"]}")).status())
                .isEqualTo(400);
        assertThat(a.post("/v3/activities/contact_exports", Api.json("{\"status\": \"bogus\"}")).status())
                .isEqualTo(400);
        assertThat(a.post("/v3/activities/contact_exports", Api.json("""
                {"list_ids": ["%s"]}
                """.formatted(createList(b, "B's")))).status()).isEqualTo(404);
    }
}
