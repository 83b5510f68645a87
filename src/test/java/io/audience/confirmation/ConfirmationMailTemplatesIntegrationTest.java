package io.audience.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The account's templates are what the person gets, through the real outbox and SMTP. */
class ConfirmationMailTemplatesIntegrationTest extends IntegrationTest {

    private static final Duration MAIL = Duration.ofSeconds(20);

    @Test
    void savedTemplatesAreSentAsMultipartAlternativeWithEscapedHtmlAndThePostalAddress() throws Exception {
        Api api = newAccount();
        confirmSender(api, "news@bakery.example");
        assertThat(api.put("/v3/account/settings", Api.json("""
                        {"confirmed_opt_in": true, "from_email": "news@bakery.example", "from_name": "Tom & Jerry's",
                         "physical_address": "1 Main St <Suite 2>\\nSpringfield"}""")).status()).isEqualTo(200);
        Api.Response saved = api.put("/v3/account/mail_templates/signup_confirmation", Api.json("""
                {"subject": "Confirm, {{sender_name}}",
                 "text_body": "Hi from {{sender_name}}: {{confirmation_url}}\\nAt {{physical_address}}\\nStop: {{unsubscribe_url}}",
                 "html_body": "<p>Hi from {{sender_name}}</p><a href=\\"{{confirmation_url}}\\">Yes</a><p>{{physical_address}}</p>"}
                """));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("customized").asBoolean()).isTrue();
        String email = uniqueEmail("templated");

        signUp(api, email);

        MimeMessage mail = Mailbox.awaitMail(email, 1, MAIL).get(0);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(mail.getSubject()).isEqualTo("Confirm, Tom & Jerry's");
        String text = Mailbox.part(mail, "text/plain").replace("\r\n", "\n");
        String html = Mailbox.part(mail, "text/html");
        String link = find(text, "(http://\\S+/confirm/\\S+)");
        assertThat(text)
                .startsWith("Hi from Tom & Jerry's: " + link)
                .contains("At 1 Main St <Suite 2>, Springfield")
                .contains("Stop: http://");
        assertThat(html)
                .contains("<p>Hi from Tom &amp; Jerry&#39;s</p>")
                .contains("<a href=\"" + link + "\">Yes</a>")
                .contains("<p>1 Main St &lt;Suite 2&gt;, Springfield</p>");
        assertThat(Mailbox.header(mail, "List-Unsubscribe"))
                .startsWith("<http://")
                .contains("/unsubscribe/");
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        Api.Response confirmed = new Api(baseUrl(), null).post(link.substring(link.indexOf("/confirm/")), "");
        assertThat(confirmed.status()).isEqualTo(200);
    }

    @Test
    void withoutTemplatesTheMailIsPlainTextNamingTheAccountAndShowsAPostalAddressOnlyOnceThereIsOne() {
        NamedAccount account = namedAccount("Corner Shop");
        Api api = account.api();
        assertThat(api.put("/v3/account/settings", Api.json("{\"confirmed_opt_in\": true}"))
                        .status())
                .isEqualTo(200);
        String before = uniqueEmail("no-address");

        signUp(api, before);

        MimeMessage first = Mailbox.awaitMail(before, 1, MAIL).get(0);
        String accountName = admin().get("/admin/accounts/" + account.id())
                .json()
                .get("name")
                .asString();
        assertThat(subject(first)).isEqualTo("Please confirm your subscription to " + accountName);
        assertThat(text(first))
                .startsWith("Someone, hopefully you, signed this address up for mail from " + accountName + ".")
                .contains("(valid for 7 days):\nhttp://")
                .contains("If you did not ask for this, ignore this mail")
                .endsWith("Unsubscribe: " + find(text(first), "(http://\\S+/unsubscribe/\\S+)"));

        assertThat(api.put("/v3/account/settings", Api.json("""
                        {"confirmed_opt_in": true, "physical_address": "PO Box 7\\r\\nSmallville"}""")).status()).isEqualTo(200);
        String after = uniqueEmail("with-address");
        signUp(api, after);

        MimeMessage second = Mailbox.awaitMail(after, 1, MAIL).get(0);
        assertThat(text(second)).endsWith("\n\n" + accountName + ", PO Box 7, Smallville");
        assertThat(api.get("/v3/account/settings")
                        .json()
                        .get("physical_address")
                        .asString())
                .isEqualTo("PO Box 7\nSmallville");
    }

    @Test
    void theResubscribeRequestUsesItsOwnTemplateAndTheSignupTemplateIsNotUsedForIt() {
        Api api = newAccount();
        settings(api, false);
        assertThat(api.put("/v3/account/mail_templates/signup_confirmation", Api.json("""
                        {"subject": "SIGNUP TEMPLATE"}"""))
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/v3/account/mail_templates/resubscribe_confirmation", Api.json("""
                        {"subject": "Back to {{sender_name}}?", "text_body": "Come back: {{confirmation_url}}"}"""))
                        .status())
                .isEqualTo(200);
        String email = uniqueEmail("come-back");
        String id = createContact(api, email).get("contact_id").asString();
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                        {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"},
                         "update_source": "Contact"}""".formatted(email))).status())
                .isEqualTo(200);

        assertThat(api.put(
                                "/v3/contacts/resubscribe/" + id,
                                Api.json("{\"list_ids\": [\"" + createList(api, "Back") + "\"]}"))
                        .status())
                .isEqualTo(200);

        MimeMessage mail = Mailbox.awaitMail(email, 1, MAIL).get(0);
        assertThat(subject(mail)).isEqualTo("Back to Acme Bakery?");
        assertThat(text(mail)).startsWith("Come back: http://").contains("/confirm/");
    }

    private static void signUp(Api api, String email) {
        Api.Response signUp =
                api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(email, createList(api, "News " + email))));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
    }

    /** The text of a single-part mail, with the line breaks as they were written (SMTP sends CRLF). */
    private static String text(MimeMessage mail) {
        return Mailbox.body(mail).replace("\r\n", "\n").stripTrailing();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
