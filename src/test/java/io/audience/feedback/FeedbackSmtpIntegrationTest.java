package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import io.audience.mail.ReturnPaths;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Bounces and complaints by SMTP (issue 17): Audience's mail leaves with a signed return path; a
 * delivery status notification or an ARF report to it, delivered to the inbound listener, changes
 * the address of that mail's account only; anything else is refused and changes nothing.
 */
class FeedbackSmtpIntegrationTest extends IntegrationTest {

    @Autowired
    ReturnPaths returnPaths;

    @Value("${audience.inbound-smtp.port}")
    int smtpPort;

    @Test
    void aBounceToTheReturnPathOfAMailBouncesThatAddressInThatAccountOnly() throws Exception {
        Api api = newAccount();
        Api other = newAccount();
        String email = uniqueEmail("dsn");
        createContact(other, email);
        String returnPath = confirmationReturnPath(api, email);

        String dsn =
                Reports.deliveryStatus(returnPath, email, "failed", "5.1.1", "550 5.1.1 <" + email + ">: user unknown");
        SmtpConversation.Replies replies = SmtpConversation.send(smtpPort, List.of(returnPath), dsn);
        assertThat(replies.recipients()).containsExactly(250);
        assertThat(replies.data()).as(replies.dataText()).isEqualTo(250);

        JsonNode address = address(api, email);
        assertThat(address.get("delivery_status").asString()).isEqualTo("bounced");
        assertThat(address.get("bounce_reason").asString()).startsWith("5.1.1 smtp; 550 5.1.1");
        assertThat(address.get("permission_to_send").asString()).isEqualTo("pending_confirmation");
        assertThat(address(other, email).get("delivery_status").asString())
                .as("the same address in another account")
                .isEqualTo("deliverable");
        String history = history(api, email);
        assertThat(history).contains("\"channel\":\"bounce\"").contains("Hard bounce of mail");

        // The same report again (a server retrying) is recorded once.
        assertThat(SmtpConversation.send(smtpPort, List.of(returnPath), dsn).data())
                .isEqualTo(250);
        assertThat(db.fetchCount(db.selectFrom("feedback_event").where("email_key = ?", email)))
                .isEqualTo(1);

        // The person then confirms by the link in that very mail: it reached them after all.
        String link =
                Mailbox.link(Mailbox.awaitMail(email, 1, Duration.ofSeconds(20)).get(0), "/confirm/");
        Api.Response click =
                new Api(baseUrl(), null).post(java.net.URI.create(link).getPath(), "");
        assertThat(click.status()).as(click.toString()).isEqualTo(200);
        JsonNode confirmed = address(api, email);
        assertThat(confirmed.get("delivery_status").asString()).isEqualTo("deliverable");
        assertThat(confirmed.get("permission_to_send").asString()).isEqualTo("explicit");
        assertThat(history(api, email)).contains("the person confirmed by the link in our mail");
    }

    @Test
    void softBouncesBounceTheAddressOnlyAtTheLimitAndTheAccountMayResetIt() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("soft");
        String returnPath = confirmationReturnPath(api, email);
        for (int i = 1; i <= 3; i++) {
            String dsn = Reports.deliveryStatus(returnPath, email, "failed", "4.2.2", "452 4.2.2 mailbox full");
            assertThat(SmtpConversation.send(smtpPort, List.of(returnPath), dsn).data())
                    .isEqualTo(250);
            assertThat(address(api, email).get("delivery_status").asString())
                    .as("after soft bounce " + i)
                    .isEqualTo(i < 3 ? "soft_bounced" : "bounced");
        }
        assertThat(address(api, email).get("bounce_reason").asString()).startsWith("3 soft bounces within 14 days");
        // A delayed notice is no bounce.
        String delayed = Reports.deliveryStatus(returnPath, email, "delayed", "4.4.1", "timeout");
        assertThat(SmtpConversation.send(smtpPort, List.of(returnPath), delayed).data())
                .isEqualTo(250);

        String contactId = contactId(api, email);
        Api.Response noReason = api.post("/v3/contacts/" + contactId + "/delivery_reset", Api.object());
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        Api.Response foreign = newAccount()
                .post(
                        "/v3/contacts/" + contactId + "/delivery_reset",
                        Api.object().put("reason", "mine"));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(address(api, email).get("delivery_status").asString()).isEqualTo("bounced");

        Api.Response reset = api.post(
                "/v3/contacts/" + contactId + "/delivery_reset",
                Api.object().put("reason", "The person cleared their mailbox (phone call)"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().get("delivery_status").asString()).isEqualTo("deliverable");
        assertThat(address(api, email).get("delivery_status").asString()).isEqualTo("deliverable");
        assertThat(history(api, email)).contains("delivery reset (was bounced").contains("phone call");

        // Soft bounces count afresh after a reset.
        String again = Reports.deliveryStatus(returnPath, email, "failed", "4.2.2", "452 4.2.2 mailbox full");
        assertThat(SmtpConversation.send(smtpPort, List.of(returnPath), again).data())
                .isEqualTo(250);
        assertThat(address(api, email).get("delivery_status").asString()).isEqualTo("soft_bounced");
    }

    @Test
    void aComplaintIsThePersonsOptOutWhetherSentToTheReturnPathOrToTheFeedbackAddress() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("arf");
        String returnPath = confirmationReturnPath(api, email);
        String arf = Reports.complaint(returnPath, email, returnPath);
        assertThat(SmtpConversation.send(smtpPort, List.of(returnPath), arf).data())
                .isEqualTo(250);

        JsonNode address = address(api, email);
        assertThat(address.get("permission_to_send").asString()).isEqualTo("unsubscribed");
        assertThat(address.get("opt_out_source").asString()).isEqualTo("Contact");
        assertThat(address.get("opt_out_reason").asString()).isEqualTo("complaint");
        assertThat(address.get("delivery_status").asString()).isEqualTo("deliverable");
        assertThat(history(api, email)).contains("\"channel\":\"complaint\"").contains("ARF abuse");

        // Only the person can undo it: the account cannot make the address explicit again.
        Api.Response putBack = api.put("/v3/contacts/" + contactId(api, email), Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "update_source": "Account"}
                """.formatted(email)));
        assertThat(putBack.status()).as(putBack.toString()).isEqualTo(409);

        String second = uniqueEmail("arf-fbl");
        String secondPath = confirmationReturnPath(api, second);
        String viaLoop = Reports.complaint("fbl@" + BOUNCE_DOMAIN, second, secondPath);
        assertThat(SmtpConversation.send(smtpPort, List.of("fbl@" + BOUNCE_DOMAIN), viaLoop)
                        .data())
                .isEqualTo(250);
        assertThat(address(api, second).get("opt_out_source").asString()).isEqualTo("Contact");
    }

    @Test
    void forgedReturnPathsAndMailThatIsNoReportAreRefusedAndChangeNothing() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("forged");
        String returnPath = confirmationReturnPath(api, email);
        String local = returnPath.substring(0, returnPath.indexOf('@'));
        String tampered =
                local.substring(0, local.length() - 1) + (local.endsWith("0") ? "1" : "0") + "@" + BOUNCE_DOMAIN;
        String unsigned =
                "bounce-" + UUID.randomUUID().toString().replace("-", "") + "00000000000000000000@" + BOUNCE_DOMAIN;
        String dsn = Reports.deliveryStatus(tampered, email, "failed", "5.1.1", "550 5.1.1 user unknown");

        assertThat(SmtpConversation.send(smtpPort, List.of(tampered), dsn).recipients())
                .containsExactly(550);
        assertThat(SmtpConversation.send(smtpPort, List.of(unsigned), dsn).recipients())
                .containsExactly(550);
        assertThat(SmtpConversation.send(smtpPort, List.of("postmaster@" + BOUNCE_DOMAIN), dsn)
                        .recipients())
                .containsExactly(550);
        assertThat(SmtpConversation.send(smtpPort, List.of(returnPath.replace(BOUNCE_DOMAIN, "example.org")), dsn)
                        .recipients())
                .containsExactly(550);
        SmtpConversation.Replies plain =
                SmtpConversation.send(smtpPort, List.of(returnPath), Reports.plainMail(returnPath));
        assertThat(plain.data()).as(plain.dataText()).isEqualTo(550);
        // A complaint to the feedback address that names no signed return path.
        String orphan = Reports.complaint("fbl@" + BOUNCE_DOMAIN, email, unsigned);
        assertThat(SmtpConversation.send(smtpPort, List.of("fbl@" + BOUNCE_DOMAIN), orphan)
                        .data())
                .isEqualTo(550);
        String huge = Reports.deliveryStatus(returnPath, email, "failed", "5.1.1", "x".repeat(1000))
                + "x".repeat(80).concat("\n").repeat(14_000);
        assertThat(SmtpConversation.send(smtpPort, List.of(returnPath), huge).data())
                .isEqualTo(552);

        JsonNode address = address(api, email);
        assertThat(address.get("delivery_status").asString()).isEqualTo("deliverable");
        assertThat(address.get("permission_to_send").asString()).isEqualTo("pending_confirmation");
        assertThat(db.fetchCount(db.selectFrom("feedback_event").where("email_key = ?", email)))
                .isZero();
    }

    /** Signs the address up with confirmed opt-in and returns the return path of its confirmation mail. */
    private String confirmationReturnPath(Api api, String email) throws Exception {
        settings(api, true);
        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(
                        email, createList(api, "News " + UUID.randomUUID()))));
        assertThat(signUp.status()).as(signUp.toString()).isIn(200, 201);
        List<MimeMessage> received = Mailbox.awaitMail(email, 1, Duration.ofSeconds(20));
        UUID mailId = UUID.fromString(received.get(0).getHeader("X-Audience-Mail-Id", null));
        String returnPath = returnPaths.of(mailId).orElseThrow();
        assertThat(returnPath).startsWith("bounce-").endsWith("@" + BOUNCE_DOMAIN);
        assertThat(returnPath.substring(0, returnPath.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(received.get(0).getHeader("Return-Path", null))
                .as("the mail left with it as its envelope sender")
                .contains(returnPath);
        return returnPath;
    }

    private static JsonNode address(Api api, String email) {
        JsonNode contacts =
                api.get("/v3/contacts?status=all&email=" + email).json().get("contacts");
        assertThat(contacts).hasSize(1);
        return contacts.get(0).get("email_address");
    }

    private static String contactId(Api api, String email) {
        return api.get("/v3/contacts?status=all&email=" + email)
                .json()
                .get("contacts")
                .get(0)
                .get("contact_id")
                .asString();
    }

    private static String history(Api api, String email) {
        return api.get("/v3/contacts/" + contactId(api, email) + "/consent_history")
                .json()
                .toString();
    }
}
