package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An address erased after its person opted out comes back the same way through the API and through an import. */
class RestoredAddressIntegrationTest extends IntegrationTest {

    @Test
    void anErasedOptOutComesBackUnsubscribedWithTheSameEvidenceThroughTheApiAndAnImport() {
        Api api = newAccount();
        String list = createList(api, "Restored");
        String viaApi = erasedAfterOptOut(api, "restored-api");
        String viaImport = erasedAfterOptOut(api, "restored-import");

        String apiId = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}""".formatted(viaApi)))
                .json()
                .get("contact_id")
                .asString();
        awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}], "list_ids": ["%s"]}""".formatted(viaImport, list))));
        String importId = api.get("/v3/contacts?email=" + viaImport)
                .json()
                .get("contacts")
                .get(0)
                .get("contact_id")
                .asString();

        for (String id : List.of(apiId, importId)) {
            JsonNode contact = api.get("/v3/contacts/" + id).json();
            assertThat(contact.get("email_address").get("permission_to_send").asString())
                    .isEqualTo("unsubscribed");
        }
        String apiEvidence = restoredEvidence(api, apiId);
        String importEvidence = restoredEvidence(api, importId);
        assertThat(apiEvidence)
                .matches(
                        "suppression: this address was erased after an opt-out on \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(importEvidence)
                .matches(
                        "suppression: this address was erased after an opt-out on \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    private String erasedAfterOptOut(Api api, String prefix) {
        String address = uniqueEmail(prefix);
        String id = createContact(api, address).get("contact_id").asString();
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(address)))
                        .status())
                .isEqualTo(200);
        api.post("/v3/contacts/" + id + "/erase", "");
        return address;
    }

    private static String restoredEvidence(Api api, String contactId) {
        List<String> evidence = new ArrayList<>();
        api.get("/v3/contacts/" + contactId + "/consent_history")
                .json()
                .get("events")
                .forEach(event -> {
                    if (event.has("evidence")
                            && event.get("evidence").asString().startsWith("suppression:")) {
                        evidence.add(event.get("evidence").asString());
                    }
                });
        assertThat(evidence).as("the first event of the restored address").hasSize(1);
        return evidence.get(0);
    }
}
