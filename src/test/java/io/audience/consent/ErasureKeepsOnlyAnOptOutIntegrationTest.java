package io.audience.consent;

import static io.audience.db.Tables.CONSENT_EVENT;
import static io.audience.db.Tables.EMAIL_CONSENT;
import static io.audience.db.Tables.SUPPRESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.Mailbox;
import org.junit.jupiter.api.Test;

/** Erasing a person removes them, but an opt-out outlives it until the person confirms again. */
class ErasureKeepsOnlyAnOptOutIntegrationTest extends ConsentMailSupport {

    @Test
    void eraseRemovesThePersonButAnOptOutStaysSuppressedUntilThePersonConfirms() {
        Api api = newAccount();
        String list = createList(api, "Erase");
        String email = uniqueEmail("erase");
        String id = createContact(api, email).get("contact_id").asString();
        optOutAsThePerson(api, id, email);

        assertThat(api.post("/v3/contacts/" + id + "/erase", "").status()).isEqualTo(204);

        assertThat(api.get("/v3/contacts/" + id).status()).isEqualTo(404);
        assertThat(api.get("/v3/contacts?email=" + email).json().get("contacts"))
                .isEmpty();
        assertThat(db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(email)))
                .isZero();
        assertThat(db.fetchCount(EMAIL_CONSENT, EMAIL_CONSENT.EMAIL_KEY.eq(email)))
                .isZero();
        assertThat(db.fetchCount(SUPPRESSION)).isPositive();
        assertThat(db.fetch(SUPPRESSION).formatCSV()).doesNotContain(email);
        assertThat(api.post("/v3/contacts/" + id + "/erase", "").status()).isEqualTo(404);

        Api.Response explicit = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "create_source": "Account"}
                """.formatted(email)));
        assertThat(explicit.status()).isEqualTo(409);
        Api.Response recreated = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(email)));
        assertThat(recreated.status()).isEqualTo(201);
        String again = recreated.json().get("contact_id").asString();
        assertThat(permission(api, again)).isEqualTo("unsubscribed");
        assertThat(lastEvent(api, again).get("evidence").asString()).contains("erased");

        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)));
        assertThat(permission(api, again)).isEqualTo("pending_confirmation");
        assertThat(person().post(
                                path(Mailbox.link(
                                        Mailbox.awaitMail(email, 1, MAIL).get(0), "/confirm/")),
                                "")
                        .status())
                .isEqualTo(200);
        assertThat(permission(api, again)).isEqualTo("explicit");
    }

    @Test
    void erasingAnAddressThatNeverOptedOutLeavesNoTrace() {
        Api api = newAccount();
        String email = uniqueEmail("trace");
        String id = createContact(api, email).get("contact_id").asString();
        int suppressed = db.fetchCount(SUPPRESSION);

        assertThat(api.post("/v3/contacts/" + id + "/erase", "").status()).isEqualTo(204);

        assertThat(db.fetchCount(SUPPRESSION)).isEqualTo(suppressed);
        String again = createContact(api, email).get("contact_id").asString();
        assertThat(permission(api, again)).isEqualTo("implicit");
    }
}
