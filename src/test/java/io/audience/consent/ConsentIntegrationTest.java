package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Consent belongs to the address: the account can never undo the person's own opt-out. */
class ConsentIntegrationTest extends IntegrationTest {

    @Test
    void accountCannotResubscribeAPersonWhoOptedOut() {
        Api api = newAccount();
        String email = uniqueEmail("optout");
        String id = createContact(api, email).get("contact_id").asString();
        Api.Response optOut = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed",
                 "opt_out_reason": "Too many mails"}, "update_source": "Contact"}
                """.formatted(email)));
        assertThat(optOut.status()).as(optOut.toString()).isEqualTo(200);
        JsonNode address = optOut.json().get("email_address");
        assertThat(address.get("opt_out_source").asString()).isEqualTo("Contact");
        assertThat(address.get("opt_out_reason").asString()).isEqualTo("Too many mails");

        for (String permission : new String[] {"explicit", "implicit", "not_set"}) {
            for (String source : new String[] {"Account", "Contact"}) {
                Api.Response attempt =
                        api.put("/v3/contacts/" + id, Api.json("""
                        {"email_address": {"address": "%s", "permission_to_send": "%s"}, "update_source": "%s"}
                        """.formatted(email, permission, source)));
                assertThat(attempt.status()).as(attempt.toString()).isEqualTo(409);
                assertThat(attempt.error().get("error_message").asString())
                        .contains("opted out themselves")
                        .contains("only the person can")
                        .contains("resubscribe");
                assertThat(attempt.error().get("opt_out_source").asString()).isEqualTo("Contact");
            }
        }
        JsonNode after = api.get("/v3/contacts/" + id).json().get("email_address");
        assertThat(after.get("permission_to_send").asString()).isEqualTo("unsubscribed");
    }

    @Test
    void optOutSurvivesDeleteAndTheSignUpFormOnlyAsksThePersonToConfirm() {
        Api api = newAccount();
        String list = createList(api, "Weekly");
        String email = uniqueEmail("survivor");
        String id = createContact(api, email).get("contact_id").asString();
        api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(email)));
        api.delete("/v3/contacts/" + id);

        Api.Response recreate = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "create_source": "Account"}
                """.formatted(email)));
        assertThat(recreate.status()).isEqualTo(409);

        Api.Response revive = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account"}
                """.formatted(email)));
        assertThat(revive.status()).isEqualTo(200);
        assertThat(revive.json().get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");

        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)));
        assertThat(signUp.status()).isEqualTo(200);
        JsonNode address = api.get("/v3/contacts/" + id).json().get("email_address");
        assertThat(address.get("permission_to_send").asString())
                .as("waits for the person's own confirmation")
                .isEqualTo("pending_confirmation");
        assertThat(address.get("opt_out_source").asString()).isEqualTo("Contact");
    }

    @Test
    void accountCanUndoItsOwnOptOut() {
        Api api = newAccount();
        String email = uniqueEmail("account");
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "create_source": "Account"}
                """.formatted(email)));
        String id = created.json().get("contact_id").asString();
        assertThat(created.json().get("email_address").get("opt_out_source").asString())
                .isEqualTo("Account");

        Api.Response back = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "implicit"}, "update_source": "Account"}
                """.formatted(email)));

        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("email_address").get("permission_to_send").asString())
                .isEqualTo("implicit");
        assertThat(back.json().get("email_address").has("opt_out_source")).isFalse();
    }

    @Test
    void everyConsentChangeIsRecordedWithItsSourceChannelAndEvidence() {
        Api api = newAccount();
        String list = createList(api, "Evidence");
        String email = uniqueEmail("history");
        String id = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "not_set"}, "create_source": "Account"}
                """.formatted(email)))
                .json()
                .get("contact_id")
                .asString();
        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)), "User-Agent", "FormBrowser/1.0");
        api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(email)));
        api.delete("/v3/contacts/" + id);

        Api.Response history = api.get("/v3/contacts/" + id + "/consent_history");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("email_address").asString()).isEqualTo(email);
        JsonNode events = history.json().get("events");
        assertThat(events).hasSize(3);
        assertThat(events.get(0).has("from_permission")).isFalse();
        assertThat(events.get(0).get("to_permission").asString()).isEqualTo("not_set");
        assertThat(events.get(0).get("source").asString()).isEqualTo("Account");
        assertThat(events.get(0).get("channel").asString()).isEqualTo("api");
        assertThat(events.get(0).get("actor").asString()).startsWith("api_token:");
        assertThat(events.get(1).get("from_permission").asString()).isEqualTo("not_set");
        assertThat(events.get(1).get("to_permission").asString()).isEqualTo("explicit");
        assertThat(events.get(1).get("source").asString()).isEqualTo("Contact");
        assertThat(events.get(1).get("channel").asString()).isEqualTo("form");
        assertThat(events.get(1).get("user_agent").asString()).isEqualTo("FormBrowser/1.0");
        assertThat(events.get(1).get("ip").asString()).isNotBlank();
        assertThat(events.get(1).get("evidence").asString())
                .contains("sign_up_form")
                .contains(list);
        assertThat(events.get(2).get("to_permission").asString()).isEqualTo("unsubscribed");
        assertThat(events.get(2).get("source").asString()).isEqualTo("Contact");
    }

    @Test
    void countsGroupLiveContactsByConsent() {
        Api api = newAccount();
        String list = createList(api, "Counts");
        createContact(api, uniqueEmail("implicit"));
        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(uniqueEmail("explicit"), list)));
        api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "create_source": "Account"}
                """.formatted(uniqueEmail("out"))));
        String gone = createContact(api, uniqueEmail("gone")).get("contact_id").asString();
        api.delete("/v3/contacts/" + gone);

        JsonNode counts = api.get("/v3/contacts/counts?include=new_subscriber").json();

        assertThat(counts.get("total").asInt()).isEqualTo(3);
        assertThat(counts.get("implicit").asInt()).isEqualTo(1);
        assertThat(counts.get("explicit").asInt()).isEqualTo(1);
        assertThat(counts.get("unsubscribed").asInt()).isEqualTo(1);
        assertThat(counts.get("pending").asInt()).isZero();
        assertThat(counts.get("new_subscriber").asInt()).isEqualTo(2);
        assertThat(api.get("/v3/contacts/counts").json().has("new_subscriber")).isFalse();
    }
}
