package io.audience.activity;

import static io.audience.db.Tables.ACTIVITY;
import static io.audience.db.Tables.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A second service instance, a separate JVM, on the test's database beside the test's own instance. */
class TwoInstancesIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private OtherInstance other;

    @AfterEach
    void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheImportsAndApplyEveryRowOnce() throws Exception {
        other = OtherInstance.start(
                dataSource,
                Map.of(
                        "AUDIENCE_ACTIVITY_POLL_INTERVAL",
                        "100ms",
                        "AUDIENCE_ACTIVITY_IMPORT_CHUNK_SIZE",
                        "1000",
                        "AUDIENCE_ACTIVITY_LEASE",
                        "5s"));
        Api api = newAccount();
        String list = createList(api, "Shared by two instances");
        String domain = "@" + UUID.randomUUID() + ".two.example";
        int imports = 6;
        int perImport = 6_000;
        List<String> activities = new ArrayList<>();
        for (int n = 0; n < imports; n++) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < perImport; i++) {
                rows.append(i == 0 ? "" : ",")
                        .append("{\"email\": \"i")
                        .append(n)
                        .append('-')
                        .append(i)
                        .append(domain)
                        .append("\"}");
            }
            activities.add(api.post(
                            "/v3/activities/contacts_json_import",
                            "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}")
                    .json()
                    .get("activity_id")
                    .asString());
        }

        for (String activity : activities) {
            JsonNode done = awaitCompleted(api, activity, Duration.ofMinutes(2));
            assertThat(done.get("status").get("items_completed_count").asInt()).isEqualTo(perImport);
            assertThat(done.get("status").get("person_count").asInt()).isEqualTo(perImport);
            assertThat(done.get("status").get("error_count").asInt()).isZero();
        }
        assertThat(db.fetchCount(CONTACT, CONTACT.EMAIL_KEY.like("%" + domain))).isEqualTo(imports * perImport);
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isEqualTo(imports * perImport);
        assertThat(db.selectDistinct(ACTIVITY.LEASE_OWNER)
                        .from(ACTIVITY)
                        .where(ACTIVITY.ACTIVITY_ID.in(
                                activities.stream().map(UUID::fromString).toList()))
                        .fetch(ACTIVITY.LEASE_OWNER))
                .as("both instances ran some of the imports")
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
