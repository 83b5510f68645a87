package io.audience.activity;

import static io.audience.activity.FileImportIntegrationTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A file import names lists and custom fields by id: another account's are not found, nor its imports. */
class FileImportsNeverReachAnotherAccountIntegrationTest extends IntegrationTest {

    @Test
    void anotherAccountsListsFieldsAndImportsAreOutOfReach() {
        Api a = newAccount();
        String listOfA = createList(a, "A's list");
        String fieldOfA = a.post("/v3/contact_custom_fields", Api.json("""
                {"label": "Only in A", "type": "string"}"""))
                .json()
                .get("name")
                .asString();
        Api.Response importOfA = upload(a, "email\n" + uniqueEmail("a") + "\n", listOfA);
        awaitCompleted(a, importOfA);

        Api b = newAccount();
        String listOfB = createList(b, "B's list");
        assertThat(upload(b, "email\n" + uniqueEmail("b") + "\n", listOfA).status())
                .isEqualTo(404);
        Api.Response foreignField = upload(b, "email,cf:" + fieldOfA + "\n" + uniqueEmail("b") + ",x\n", listOfB);
        assertThat(foreignField.status()).isEqualTo(400);
        assertThat(foreignField.error().get("error_message").asString()).contains("no custom field named");
        String activityOfA = importOfA.json().get("activity_id").asString();
        assertThat(b.get("/v3/activities/" + activityOfA).status()).isEqualTo(404);
        assertThat(b.get("/v3/activities/" + activityOfA + "/report").status()).isEqualTo(404);
        assertThat(b.get("/v3/contacts?status=all").json().get("contacts")).isEmpty();
    }
}
