package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Vendor parameters this service does not implement are refused, never ignored: ignoring widens the selection. */
class UnsupportedParametersIntegrationTest extends IntegrationTest {

    @Test
    void segmentsAndSmsFiltersOnTheContactListAreA400SayingSo() {
        Api api = newAccount();
        for (String query : new String[] {
            "segment_id=12", "segment_id=", "sms_status=explicit", "sms_status=unsubscribed&status=all"
        }) {
            Api.Response refused = api.get("/v3/contacts?" + query);
            assertThat(refused.status()).as(query + " " + refused).isEqualTo(400);
            assertThat(refused.error().get("error_key").asString()).isEqualTo("contacts.api.validation.error");
            assertThat(refused.error().get("error_message").asString())
                    .contains("is not supported")
                    .contains(query.substring(0, query.indexOf('=')));
        }
        assertThat(api.get("/v3/contacts?sms_status=all").status())
                .as("all selects nothing away")
                .isEqualTo(200);
    }

    @Test
    void segmentsAndNewSubscribersOnAnExportAreA400AndNothingIsExported() {
        Api api = newAccount();
        createContact(api, uniqueEmail("export"));
        for (String body : new String[] {
            "{\"segment_id\": 12}", "{\"new_subscriber\": true}", "{\"segment_id\": 3, \"list_ids\": []}"
        }) {
            Api.Response refused = api.post("/v3/activities/contact_exports", Api.json(body));
            assertThat(refused.status()).as(body + " " + refused).isEqualTo(400);
            assertThat(refused.error().get("error_message").asString()).contains("is not supported");
        }
        assertThat(api.get("/v3/activities").json().get("activities").size())
                .as("no export was made")
                .isZero();
        assertThat(api.post("/v3/activities/contact_exports", Api.json("{\"new_subscriber\": false}"))
                        .status())
                .isEqualTo(201);
    }
}
