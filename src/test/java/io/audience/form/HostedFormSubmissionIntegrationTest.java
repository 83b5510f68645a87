package io.audience.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.Mailbox;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A post to a hosted form over HTTP: the person's own request, the form and its wording's version
 * become the evidence; a post that fails a guard (no solution, the honeypot, too fast, used twice,
 * another form's challenge, a site not allowed, too many) creates nothing and sends nothing.
 */
class HostedFormSubmissionIntegrationTest extends HostedFormTestBase {

    @Test
    void aSignUpRecordsThePersonsRequestTheFormAndTheVersionOfItsWording() {
        Form form = form("Hosted");
        FormClient person = new FormClient(baseUrl(), form.id(), "203.0.113.7");
        String email = uniqueEmail("hosted");
        Map<String, String> post = person.post(email);
        post.put("first_name", "Ada");

        Api.Response sent = person.send(post, "Origin", "https://shop.example");

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.raw())
                .contains("Thanks for joining the Tuesday letter!")
                .contains("You are subscribed");
        JsonNode contact = contactOf(form.account().api(), email);
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(contact.get("first_name").asString()).isEqualTo("Ada");
        assertThat(contact.get("list_memberships").get(0).asString()).isEqualTo(form.list());
        JsonNode event =
                lastEvent(form.account().api(), contact.get("contact_id").asString());
        assertThat(event.get("ip").asString()).isEqualTo("203.0.113.7");
        assertThat(event.get("user_agent").asString()).isEqualTo(FormClient.USER_AGENT);
        assertThat(event.get("form_id").asString()).isEqualTo(form.id());
        assertThat(event.get("form_version").asInt()).isEqualTo(1);
        assertThat(event.get("consent_text").asString()).isEqualTo("Yes, the Tuesday letter.");
        assertThat(event.get("page_url").asString()).isEqualTo("https://shop.example/newsletter");
        assertThat(event.get("source").asString()).isEqualTo("Contact");
        assertThat(event.get("actor").asString()).isEqualTo("sign_up_form:" + form.id());
    }

    @Test
    void underConfirmedOptInThePersonIsAskedToCheckTheirInboxAndNothingIsAddedBeforeTheyConfirm() {
        Form form = form("Hosted COI");
        settings(form.account().api(), true);
        FormClient person = new FormClient(baseUrl(), form.id(), address());
        String email = uniqueEmail("coi");
        Map<String, String> post = person.post(email);
        post.put("first_name", "Grace");

        Api.Response sent = person.send(post);

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.raw()).contains("check your inbox");
        assertThat(Mailbox.awaitMail(email, 1, Duration.ofSeconds(20))).hasSize(1);
        JsonNode contact = contactOf(form.account().api(), email);
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .isEqualTo("pending_confirmation");
        assertThat(contact.path("list_memberships").size()).isZero();
    }

    @Test
    void aPersonWhoUnsubscribedIsNotPutBackByAFormPostButAskedByMail() {
        Form form = form("Hosted opted out");
        settings(form.account().api(), false);
        String email = uniqueEmail("optedout");
        String contactId =
                createContact(form.account().api(), email).get("contact_id").asString();
        Api.Response unsubscribed =
                form.account().api().put("/v3/contacts/" + contactId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(email)));
        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);
        FormClient person = new FormClient(baseUrl(), form.id(), address());
        Map<String, String> post = person.post(email);
        post.put("first_name", "Back");

        Api.Response sent = person.send(post);

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        JsonNode contact = contactOf(form.account().api(), email);
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .as("only the person's click can undo their opt-out")
                .isNotEqualTo("explicit");
        assertThat(contact.path("list_memberships").size()).isZero();
        assertThat(Mailbox.awaitMail(email, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void aRedirectUrlSendsThePersonOnAfterTheirSignUp() {
        Form form = form("Hosted redirect");
        ObjectNode body = SignUpFormsApiIntegrationTest.formBody(form.list(), "Yes, the Tuesday letter.")
                .put("redirect_url", "https://shop.example/thanks");
        assertThat(form.account()
                        .api()
                        .put("/v3/sign_up_forms/" + form.id(), body)
                        .status())
                .isEqualTo(200);
        FormClient person = new FormClient(baseUrl(), form.id(), address());
        Map<String, String> post = person.post(uniqueEmail("redirect"));
        post.put("first_name", "Lin");

        Api.Response sent = person.send(post);

        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.header("Location")).contains("https://shop.example/thanks");
    }

    @Test
    void aPostThatFailsAGuardCreatesNothingAndSendsNothing() {
        Form form = form("Hosted guards");
        settings(form.account().api(), true);
        FormClient bot = new FormClient(baseUrl(), form.id(), address());
        Form other = form("Hosted other");
        FormClient otherForm = new FormClient(baseUrl(), other.id(), address());

        Map<String, String> noSolution = bot.post(uniqueEmail("nojs"));
        noSolution.put("first_name", "N");
        noSolution.remove("altcha");
        assertRefused(bot.send(noSolution), 400, "needs JavaScript");

        Map<String, String> honeypot = bot.post(uniqueEmail("honeypot"));
        honeypot.put("first_name", "H");
        honeypot.put("leave_this_empty", "http://spam.example");
        assertRefused(bot.send(honeypot), 400, "programs do");

        Map<String, String> tooFast = bot.post(uniqueEmail("fast"));
        tooFast.put("first_name", "F");
        tooFast.put("altcha", FormClient.solve(bot.challenge()));
        assertRefused(bot.send(tooFast), 400, "faster than a person");

        Map<String, String> forged = bot.post(uniqueEmail("forged"));
        forged.put("first_name", "G");
        forged.put(
                "altcha",
                java.util.Base64.getEncoder()
                        .encodeToString(("{\"algorithm\":\"SHA-256\",\"challenge\":\"00\","
                                        + "\"number\":1,\"salt\":\"x?expires=99999999999&form=" + form.id()
                                        + "&issued=0\",\"signature\":\"00\"}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertRefused(bot.send(forged), 400, "did not pass");

        Map<String, String> borrowed = bot.post(uniqueEmail("borrowed"));
        borrowed.put("first_name", "B");
        borrowed.put("altcha", otherForm.solvedAndWaited());
        assertRefused(bot.send(borrowed), 400, "did not pass");

        Map<String, String> unticked = bot.post(uniqueEmail("unticked"));
        unticked.put("first_name", "U");
        unticked.remove("consent");
        assertRefused(bot.send(unticked), 400, "tick the box");

        Map<String, String> missingName = bot.post(uniqueEmail("noname"));
        assertRefused(bot.send(missingName), 400, "First name");

        Map<String, String> badAddress = bot.post("not an address");
        badAddress.put("first_name", "A");
        assertRefused(bot.send(badAddress), 400, "email");

        Map<String, String> foreignSite = bot.post(uniqueEmail("foreign"));
        foreignSite.put("first_name", "S");
        assertRefused(bot.send(foreignSite, "Origin", "https://evil.example"), 403, "evil.example");

        String replayed = uniqueEmail("replayed");
        Map<String, String> once = bot.post(replayed);
        once.put("first_name", "R");
        assertThat(bot.send(once).status()).isEqualTo(200);
        once.put("email_address", uniqueEmail("replayed-again"));
        assertRefused(bot.send(once), 400, "already sent once");

        assertThat(db.fetchValue(
                        "select count(*) from contact where account_id = ?::uuid",
                        form.account().id()))
                .as("only the one good post made a contact")
                .isEqualTo(1L);
        assertThat(db.fetchValue(
                        "select count(*) from outbox_mail where account_id = ?::uuid and kind = 'signup_confirmation'",
                        form.account().id()))
                .as("and only it was sent a confirmation")
                .isEqualTo(1L);
    }

    @Test
    void publicPagesOfUnknownFormsAnswer404AndTheChallengeIsSharedOnlyWithAllowedSites() {
        Form form = form("Hosted CORS");
        Api anonymous = new Api(baseUrl(), null);
        assertThat(anonymous
                        .get("/forms/" + UUID.randomUUID(), "Accept", "text/html")
                        .status())
                .isEqualTo(404);
        assertThat(anonymous.get("/forms/not-a-form", "Accept", "text/html").status())
                .isEqualTo(404);
        assertThat(anonymous.get("/forms/" + UUID.randomUUID() + "/challenge").status())
                .isEqualTo(404);
        assertThat(new FormClient(baseUrl(), UUID.randomUUID().toString(), address())
                        .send(Map.of("email_address", "a@example.com"))
                        .status())
                .isEqualTo(404);

        Api.Response allowed = anonymous.get("/forms/" + form.id() + "/challenge", "Origin", "https://shop.example");
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://shop.example");
        assertThat(allowed.header("Cache-Control").orElse("")).contains("no-store");
        Api.Response other = anonymous.get("/forms/" + form.id() + "/challenge", "Origin", "https://evil.example");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("Access-Control-Allow-Origin")).isEmpty();

        db.execute(
                "update account set disabled_at = now() where account_id = ?::uuid",
                form.account().id());
        assertThat(anonymous.get("/forms/" + form.id(), "Accept", "text/html").status())
                .as("a disabled account's form")
                .isEqualTo(404);
        assertThat(anonymous.get("/forms/" + form.id() + "/challenge").status()).isEqualTo(404);
    }
}
