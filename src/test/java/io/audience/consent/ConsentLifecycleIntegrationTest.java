package io.audience.consent;

import static io.audience.db.Tables.CONFIRMATION;
import static io.audience.db.Tables.CONSENT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The person's own say, followed through real mail and the pages its links open. */
class ConsentLifecycleIntegrationTest extends ConsentMailSupport {

    @Test
    void signUpUnderConfirmedOptInWaitsForTheClickThatConfirmsAndAddsTheLists() {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "Weekly");
        String email = uniqueEmail("coi");

        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)));
        assertThat(signUp.status()).isEqualTo(201);
        String id = signUp.json().get("contact_id").asString();
        JsonNode pending =
                api.get("/v3/contacts/" + id + "?include=list_memberships").json();
        assertThat(pending.get("email_address").get("permission_to_send").asString())
                .isEqualTo("pending_confirmation");
        assertThat(pending.get("email_address").get("confirm_status").asString())
                .isEqualTo("pending");
        assertThat(pending.get("list_memberships")).isEmpty();

        MimeMessage mail = Mailbox.awaitMail(email, 1, MAIL).get(0);
        assertThat(Mailbox.header(mail, "From")).contains("news@bakery.example").contains("Acme Bakery");
        assertThat(Mailbox.header(mail, "List-Unsubscribe")).matches("<http://\\S+/unsubscribe/\\S+>");
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String link = Mailbox.link(mail, "/confirm/");

        Api.Response page = person().get(path(link), "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("<form method=\"post\"").contains("Confirm");
        assertThat(permission(api, id)).as("opening the page changes nothing").isEqualTo("pending_confirmation");

        Api.Response confirmed = submitForm(page.raw(), "Thunderbird/128");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.raw()).contains("confirmed");

        JsonNode contact =
                api.get("/v3/contacts/" + id + "?include=list_memberships").json();
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(contact.get("email_address").get("confirm_status").asString())
                .isEqualTo("confirmed");
        assertThat(contact.get("email_address").get("opt_in_source").asString()).isEqualTo("Contact");
        assertThat(contact.get("list_memberships").get(0).asString()).isEqualTo(list);

        JsonNode last = lastEvent(api, id);
        assertThat(last.get("to_permission").asString()).isEqualTo("explicit");
        assertThat(last.get("source").asString()).isEqualTo("Contact");
        assertThat(last.get("channel").asString()).isEqualTo("link");
        assertThat(last.get("user_agent").asString()).isEqualTo("Thunderbird/128");
        assertThat(last.get("ip").asString()).isNotBlank();
        assertThat(last.get("evidence").asString()).startsWith("confirmation ").contains(list);
    }

    @Test
    void reusedForgedAndExpiredLinksShowAClearPageAndChangeNothing() {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "Links");
        String email = uniqueEmail("links");
        String id = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                .json()
                .get("contact_id")
                .asString();
        String link = Mailbox.link(Mailbox.awaitMail(email, 1, MAIL).get(0), "/confirm/");
        String token = link.substring(link.lastIndexOf('/') + 1);

        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(person().post("/confirm/" + forged, "").status()).isEqualTo(404);
        assertThat(person().get("/confirm/not-a-token", "Accept", "text/html").raw())
                .contains("not valid");
        assertThat(permission(api, id)).isEqualTo("pending_confirmation");

        db.update(CONFIRMATION)
                .set(CONFIRMATION.EXPIRES_AT, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .where(CONFIRMATION.EMAIL_KEY.eq(email))
                .execute();
        Api.Response expired = person().post(path(link), "");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.raw()).contains("expired");
        assertThat(permission(api, id)).isEqualTo("pending_confirmation");

        db.update(CONFIRMATION)
                .set(CONFIRMATION.EXPIRES_AT, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))
                .where(CONFIRMATION.EMAIL_KEY.eq(email))
                .execute();
        assertThat(person().post(path(link), "").status()).isEqualTo(200);
        int events = db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(email));
        Api.Response reused = person().post(path(link), "");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.raw()).contains("used already");
        assertThat(db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(email)))
                .isEqualTo(events);
    }

    @Test
    void signUpAfterThePersonsOptOutNeedsTheirConfirmationAndTheAccountStaysLockedOut() {
        Api api = newAccount();
        String list = createList(api, "Back");
        String email = uniqueEmail("back");
        String id = createContact(api, email).get("contact_id").asString();
        optOutAsThePerson(api, id, email);

        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)));
        assertThat(signUp.status()).isEqualTo(200);
        assertThat(permission(api, id)).isEqualTo("pending_confirmation");
        Api.Response account = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "update_source": "Account"}
                """.formatted(email)));
        assertThat(account.status()).as("a pending confirmation is not a yes").isEqualTo(409);

        String link = Mailbox.link(Mailbox.awaitMail(email, 1, MAIL).get(0), "/confirm/");
        assertThat(person().post(path(link), "").status()).isEqualTo(200);
        assertThat(permission(api, id)).isEqualTo("explicit");
    }

    @Test
    void resubscribeSendsOneMailPerOptOutAndTheClickResubscribes() throws Exception {
        Api api = newAccount();
        settings(api, false);
        String list = createList(api, "Again");
        String email = uniqueEmail("resub");
        String id = createContact(api, email).get("contact_id").asString();
        assertThat(api.put("/v3/contacts/resubscribe/" + id, Api.json("{\"list_ids\": [\"" + list + "\"]}"))
                        .status())
                .as("nothing to resubscribe yet")
                .isEqualTo(409);
        optOutAsThePerson(api, id, email);

        Api.Response first = api.put("/v3/contacts/resubscribe/" + id, Api.json("{\"list_ids\": [\"" + list + "\"]}"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("email_address").get("permission_to_send").asString())
                .isEqualTo("pending_confirmation");
        Api.Response second = api.put("/v3/contacts/resubscribe/" + id, Api.json("{\"list_ids\": [\"" + list + "\"]}"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error().get("error_message").asString())
                .contains("already sent")
                .contains("one");

        List<MimeMessage> mail = Mailbox.awaitMail(email, 1, MAIL);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).contains("again");
        assertThat(person().post(path(Mailbox.link(mail.get(0), "/confirm/")), "")
                        .status())
                .isEqualTo(200);
        JsonNode contact =
                api.get("/v3/contacts/" + id + "?include=list_memberships").json();
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(contact.get("list_memberships").get(0).asString()).isEqualTo(list);
    }

    @Test
    void oneClickUnsubscribeFromTheMailHeaderUnsubscribesAtOnce() {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "OneClick");
        String email = uniqueEmail("oneclick");
        String id = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                .json()
                .get("contact_id")
                .asString();
        MimeMessage mail = Mailbox.awaitMail(email, 1, MAIL).get(0);
        String header = Mailbox.header(mail, "List-Unsubscribe");
        String url = header.substring(1, header.length() - 1);

        Api.Response page = person().get(path(url), "Accept", "text/html");
        assertThat(page.raw()).contains("Unsubscribe");
        assertThat(permission(api, id)).isEqualTo("pending_confirmation");

        Api.Response oneClick = person().raw(
                        "POST",
                        path(url),
                        "application/x-www-form-urlencoded",
                        "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8),
                        "User-Agent",
                        "GmailOneClick");
        assertThat(oneClick.status()).isEqualTo(200);

        JsonNode address = api.get("/v3/contacts/" + id).json().get("email_address");
        assertThat(address.get("permission_to_send").asString()).isEqualTo("unsubscribed");
        assertThat(address.get("opt_out_source").asString()).isEqualTo("Contact");
        JsonNode last = lastEvent(api, id);
        assertThat(last.get("channel").asString()).isEqualTo("link");
        assertThat(last.get("evidence").asString()).contains("RFC 8058");
        assertThat(last.get("user_agent").asString()).isEqualTo("GmailOneClick");
        assertThat(person().post("/unsubscribe/unknown-token", "").status()).isEqualTo(404);
    }
}
