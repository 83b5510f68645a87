package io.audience.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** A hosted form of a fresh account, posted to from network addresses no other test uses. */
abstract class HostedFormTestBase extends IntegrationTest {

    static final AtomicInteger NEXT = new AtomicInteger(1);

    /** A network address of the test's own, so no other test's posts count against its limit. */
    static String address() {
        int n = NEXT.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    record Form(NamedAccount account, String id, String list) {}

    Form form(String label) {
        NamedAccount account = namedAccount(label);
        String list = createList(account.api(), "Tuesday");
        Api.Response created = account.api()
                .post("/v3/sign_up_forms", SignUpFormsApiIntegrationTest.formBody(list, "Yes, the Tuesday letter."));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Form(account, created.json().get("form_id").asString(), list);
    }

    static void assertRefused(Api.Response response, int status, String words) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.raw()).contains("Your sign-up was not sent").contains(words);
    }

    static JsonNode contactOf(Api api, String email) {
        JsonNode contacts = api.get("/v3/contacts?status=all&include=list_memberships&email=" + email)
                .json()
                .get("contacts");
        assertThat(contacts).as(email).hasSize(1);
        return contacts.get(0);
    }

    static JsonNode lastEvent(Api api, String contactId) {
        JsonNode events =
                api.get("/v3/contacts/" + contactId + "/consent_history").json().get("events");
        return events.get(events.size() - 1);
    }
}
