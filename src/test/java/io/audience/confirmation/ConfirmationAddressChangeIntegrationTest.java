package io.audience.confirmation;

import static io.audience.db.Tables.CONFIRMATION;
import static io.audience.db.Tables.CONSENT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A confirmation is about one address: once the contact has another, its link changes nothing. */
class ConfirmationAddressChangeIntegrationTest extends IntegrationTest {

    @Test
    void aLinkSentToTheOldAddressNoLongerAppliesAfterTheContactChangedItsAddress() {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "News");
        String old = uniqueEmail("old");
        String now = uniqueEmail("new");
        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(old, list)));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        String id = signUp.json().get("contact_id").asString();
        String link =
                Mailbox.link(Mailbox.awaitMail(old, 1, Duration.ofSeconds(20)).get(0), "/confirm/");

        Api.Response changed = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account"}
                """.formatted(now)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        int oldEvents = db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(old));
        int newEvents = db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(now));
        JsonNode before = contact(api, id);

        Api person = new Api(baseUrl(), null);
        Api.Response page = person.get(URI.create(link).getPath());
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.raw()).contains("no longer applies");
        Api.Response click = person.post(URI.create(link).getPath(), "");
        assertThat(click.status()).isEqualTo(409);
        assertThat(click.raw()).contains("no longer applies").contains("Nothing was changed");

        assertThat(contact(api, id)).isEqualTo(before);
        assertThat(before.get("email_address").get("permission_to_send").asString())
                .isNotEqualTo("explicit");
        assertThat(before.get("list_memberships")).isNullOrEmpty();
        assertThat(db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(old)))
                .isEqualTo(oldEvents);
        assertThat(db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(now)))
                .isEqualTo(newEvents);
        assertThat(db.fetchCount(
                        CONFIRMATION, CONFIRMATION.EMAIL_KEY.eq(old).and(CONFIRMATION.CONFIRMED_AT.isNotNull())))
                .isZero();
    }

    @Test
    void theLinkStillWorksWhileTheContactKeepsTheAddress() {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "News");
        String email = uniqueEmail("kept");
        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)));
        String id = signUp.json().get("contact_id").asString();
        api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Kim", "update_source": "Account"}
                """.formatted(email)));
        String link =
                Mailbox.link(Mailbox.awaitMail(email, 1, Duration.ofSeconds(20)).get(0), "/confirm/");

        assertThat(new Api(baseUrl(), null).post(URI.create(link).getPath(), "").status())
                .isEqualTo(200);
        JsonNode after = contact(api, id);
        assertThat(after.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(after.get("list_memberships").get(0).asString()).isEqualTo(list);
    }

    private static JsonNode contact(Api api, String id) {
        return api.get("/v3/contacts/" + id + "?include=list_memberships").json();
    }
}
