package io.audience.sender;

import static io.audience.db.Tables.ACCOUNT_SETTINGS;
import static io.audience.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sender addresses are verified by a mail to them before an account may send from them. */
class SenderAddressesIntegrationTest extends IntegrationTest {

    private static final Duration MAIL = Duration.ofSeconds(20);

    @Test
    void anAddressBecomesConfirmedOnlyByThePostOfItsLinkAndOnlyThenIsAccepted() throws Exception {
        Api api = newAccount();
        String sender = uniqueEmail("sender");
        Api.Response added = api.post("/v3/account/emails", Api.object().put("email_address", sender));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("email_address").asString()).isEqualTo(sender);
        assertThat(added.json().get("email_status").asString()).isEqualTo("UNCONFIRMED");
        assertThat(added.json().get("email_id").isIntegralNumber()).isTrue();
        assertThat(added.json().get("roles").isArray()).isTrue();
        assertThat(added.json().get("pending_roles").isArray()).isTrue();
        assertThat(added.json().has("confirm_time")).isFalse();

        Api.Response refused = putFrom(api, sender, "Shop");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().get("error_message").asString())
                .contains("from_email")
                .contains("CONFIRMED")
                .contains("/v3/account/emails");

        MimeMessage mail = Mailbox.awaitMail(sender, 1, MAIL).get(0);
        assertThat(Mailbox.header(mail, "List-Unsubscribe"))
                .as("not a subscription")
                .isNull();
        String path = URI.create(Mailbox.link(mail, "/confirm/sender/")).getPath();
        Api person = new Api(baseUrl(), null);
        Api.Response page = person.get(path, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("<form").contains("Confirm");
        assertThat(status(api, sender)).as("GET never confirms").isEqualTo("UNCONFIRMED");
        assertThat(api.get("/v3/account/emails?confirm_status=UNCONFIRMED")
                        .json()
                        .toString())
                .contains(sender);
        assertThat(api.get("/v3/account/emails?confirm_status=CONFIRMED").json().toString())
                .doesNotContain(sender);

        assertThat(person.post(path, "").status()).isEqualTo(200);
        JsonNode confirmed =
                api.get("/v3/account/emails?confirm_status=CONFIRMED").json().get(0);
        assertThat(confirmed.get("email_address").asString()).isEqualTo(sender);
        assertThat(confirmed.get("email_status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirm_time").asString()).isNotBlank();
        assertThat(confirmed.get("confirm_source_type").asString()).isEqualTo("SITE_OWNER");
        assertThat(person.post(path, "").status()).as("used").isEqualTo(409);
        assertThat(person.post("/confirm/sender/forged" + UUID.randomUUID(), "").status())
                .isEqualTo(404);

        Api.Response accepted = putFrom(api, sender.toUpperCase(Locale.ROOT), "Shop");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(api.post("/v3/account/emails", Api.object().put("email_address", sender))
                        .status())
                .as("already confirmed")
                .isEqualTo(409);

        api.put("/v3/account/settings", Api.json("""
                {"confirmed_opt_in": true, "from_email": "%s", "from_name": "Shop"}""".formatted(sender)));
        String list = createList(api, "News");
        String person2 = uniqueEmail("reader");
        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(person2, list)));
        assertThat(Mailbox.header(Mailbox.awaitMail(person2, 1, MAIL).get(0), "From"))
                .contains(sender);
    }

    @Test
    void aFromEmailSavedBeforeVerificationIsNotUsedForMail() {
        Api api = newAccount();
        settings(api, true);
        UUID account = db.select(OUTBOX_MAIL.ACCOUNT_ID)
                .from(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.KIND.eq("sender_confirmation"))
                .orderBy(OUTBOX_MAIL.CREATED_AT.desc())
                .limit(1)
                .fetchSingle()
                .value1();
        db.update(ACCOUNT_SETTINGS)
                .set(ACCOUNT_SETTINGS.FROM_EMAIL, "stranger@victim.example")
                .where(ACCOUNT_SETTINGS.ACCOUNT_ID.eq(account))
                .execute();
        String list = createList(api, "News");
        String reader = uniqueEmail("legacy");
        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(reader, list)));
        String from = Mailbox.header(Mailbox.awaitMail(reader, 1, MAIL).get(0), "From");
        assertThat(from).doesNotContain("victim.example").contains("no-reply@localhost");
    }

    @Test
    void headerValuesRefuseLineBreaksAndControlCharacters() {
        Api api = newAccount();
        confirmSender(api, "shop@headers.example");
        for (String name : new String[] {
            "Shop\r\nBcc: x@evil.example", "Shop\nX", "Shop\tTab", "Shop\u2028X", "Shop\u0085X", "Shop\u200eX"
        }) {
            Api.Response bad = putFrom(api, "shop@headers.example", name);
            assertThat(bad.status()).as(name).isEqualTo(400);
            assertThat(bad.error().get("error_message").asString()).contains("from_name");
        }
        assertThat(putFrom(api, "shop@headers.example\r\nBcc: x@evil.example", "Shop")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v3/account/settings").json().has("from_email"))
                .as("nothing saved")
                .isFalse();
        assertThat(putFrom(api, "shop@headers.example", "Shop & Co").status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedAndRepeatedRequestsSendOneMail() throws Exception {
        Api api = newAccount();
        assertThat(api.post("/v3/account/emails", Api.object().put("email_address", "not an address"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v3/account/emails", Api.object()).status()).isEqualTo(400);
        assertThat(api.get("/v3/account/emails?confirm_status=MAYBE").status()).isEqualTo(400);
        String sender = uniqueEmail("repeat");
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/v3/account/emails", Api.object().put("email_address", sender))
                            .status())
                    .isEqualTo(201);
        }
        assertThat(api.get("/v3/account/emails").json().size()).isEqualTo(1);
        Mailbox.awaitMail(sender, 1, MAIL);
        Thread.sleep(1000);
        assertThat(Mailbox.mailTo(sender)).hasSize(1);
    }

    @Test
    void anotherAccountNeitherSeesNorMayUseAConfirmedAddress() {
        Api a = newAccount();
        Api b = newAccount();
        String sender = uniqueEmail("mine");
        confirmSender(a, sender);

        assertThat(b.get("/v3/account/emails").json().size()).isZero();
        assertThat(b.get("/v3/account/emails?email_address=" + sender).json().size())
                .isZero();
        assertThat(putFrom(b, sender, "Impostor").status()).isEqualTo(400);
        assertThat(new Api(baseUrl(), null).get("/v3/account/emails").status()).isEqualTo(401);
        assertThat(status(a, sender)).isEqualTo("CONFIRMED");
    }

    private static Api.Response putFrom(Api api, String from, String name) {
        return api.put(
                "/v3/account/settings", Api.object().put("from_email", from).put("from_name", name));
    }

    private static String status(Api api, String address) {
        return api.get("/v3/account/emails?email_address=" + address)
                .json()
                .get(0)
                .get("email_status")
                .asString();
    }
}
