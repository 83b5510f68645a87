package io.audience.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET, PUT, DELETE and preview of the account's mail templates: rules, defaults and tenancy. */
class MailTemplateApiIntegrationTest extends IntegrationTest {

    private static final String SIGNUP = "/v3/account/mail_templates/signup_confirmation";
    private static final String RESUBSCRIBE = "/v3/account/mail_templates/resubscribe_confirmation";
    private static final String GOOD = """
            {"subject": "Yes to {{sender_name}}?", "text_body": "Confirm: {{confirmation_url}}",
             "html_body": "<a href=\\"{{confirmation_url}}\\">Confirm</a>"}""";

    @Test
    void anAccountWithoutTemplatesGetsTheDefaultsAndThePlaceholders() {
        JsonNode got = newAccount().get(SIGNUP).json();

        assertThat(got.get("subject").asString()).isEqualTo("Please confirm your subscription to {{sender_name}}");
        assertThat(got.get("text_body").asString())
                .contains("{{confirmation_url}}")
                .contains("{{#physical_address}}");
        assertThat(got.get("html_body")).as("no HTML part").isNull();
        assertThat(got.get("customized").asBoolean()).isFalse();
        assertThat(got.get("placeholders").toString())
                .contains("physical_address")
                .contains("confirmation_url");
    }

    @Test
    void badTemplatesAreRefusedWith400NamingTheFieldAndNothingIsSaved() {
        Api api = newAccount();
        assertThat(api.put(SIGNUP, Api.json(GOOD)).status()).isEqualTo(200);
        record Bad(String body, String field, String saying) {}
        for (Bad bad : new Bad[] {
            new Bad("{\"text_body\": \"Hello {{sender_name}}\"}", "text_body", "{{confirmation_url}}"),
            new Bad("{\"html_body\": \"<p>no link</p>\"}", "html_body", "{{confirmation_url}}"),
            new Bad("{\"text_body\": \"{{confirmation_url}}\\n{{#sender_name}}open\"}", "text_body", "line 2"),
            new Bad(
                    "{\"text_body\": \"{{confirmation_url}} {{first_name}}\"}",
                    "text_body",
                    "{{first_name}} on line 1"),
            new Bad("{\"html_body\": \"{{{confirmation_url}}}\"}", "html_body", "escaped"),
            new Bad("{\"subject\": \"" + "s".repeat(201) + "\"}", "subject", "at most 200"),
            new Bad("{\"subject\": \"two\\nlines\"}", "subject", "one line"),
            new Bad("{\"text_body\": \"{{confirmation_url}} {{> footer}}\"}", "text_body", "partials"),
            new Bad("{\"text_body\": 12}", "text_body", "")
        }) {
            Api.Response refused = api.put(SIGNUP, Api.json(bad.body()));
            assertThat(refused.status()).as(bad.body() + " -> " + refused).isEqualTo(400);
            assertThat(refused.error().get("error_key").asString()).isEqualTo("contacts.api.validation.error");
            assertThat(refused.error().get("error_message").asString())
                    .as(bad.body())
                    .contains(bad.field())
                    .contains(bad.saying());
            Api.Response preview = api.post(SIGNUP + "/preview", Api.json(bad.body()));
            assertThat(preview.status()).as("preview of " + bad.body()).isEqualTo(400);
        }

        JsonNode kept = api.get(SIGNUP).json();
        assertThat(kept.get("subject").asString()).isEqualTo("Yes to {{sender_name}}?");
        assertThat(kept.get("text_body").asString()).isEqualTo("Confirm: {{confirmation_url}}");
    }

    @Test
    void deleteAndPutOfNullsGoBackToTheDefaults() {
        NamedAccount account = namedAccount("Reset");
        Api api = account.api();
        assertThat(api.put(SIGNUP, Api.json(GOOD)).json().get("customized").asBoolean())
                .isTrue();

        assertThat(api.delete(SIGNUP).status()).isEqualTo(204);
        assertThat(api.get(SIGNUP).json().get("customized").asBoolean()).isFalse();

        api.put(SIGNUP, Api.json(GOOD));
        Api.Response nulls = api.put(SIGNUP, Api.json("{\"subject\": null, \"text_body\": null, \"html_body\": null}"));
        assertThat(nulls.status()).isEqualTo(200);
        assertThat(nulls.json().get("customized").asBoolean()).isFalse();
        assertThat(storedTemplates(account.id())).isZero();
    }

    @Test
    void previewRendersTheSavedOrThePostedTemplatesWithSampleLinksAndNeitherSavesNorSends() {
        NamedAccount account = namedAccount("Preview");
        Api api = account.api();
        settings(api, true);
        api.put("/v3/account/settings", Api.json("""
                {"confirmed_opt_in": true, "from_email": "news@bakery.example", "from_name": "Acme Bakery",
                 "physical_address": "2 High St"}"""));
        int mailBefore = outboxMail(account.id());

        JsonNode saved = api.post(SIGNUP + "/preview", "").json();
        assertThat(saved.get("subject").asString()).isEqualTo("Please confirm your subscription to Acme Bakery");
        assertThat(saved.get("text_body").asString())
                .contains("/confirm/sample-link")
                .endsWith("Acme Bakery, 2 High St\n");
        assertThat(saved.get("html_body")).as("no HTML part").isNull();

        Api.Response posted = api.post(RESUBSCRIBE + "/preview", Api.json("""
                {"subject": "{{sender_name}} misses you", "html_body": "<b>{{physical_address}}</b> {{confirmation_url}}"}"""));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("subject").asString()).isEqualTo("Acme Bakery misses you");
        assertThat(posted.json().get("text_body").asString()).startsWith("You unsubscribed from Acme Bakery earlier");
        assertThat(posted.json().get("html_body").asString()).startsWith("<b>2 High St</b> http://");

        assertThat(api.get(RESUBSCRIBE).json().get("customized").asBoolean()).isFalse();
        assertThat(outboxMail(account.id())).isEqualTo(mailBefore);
    }

    @Test
    void anotherAccountNeitherSeesNorChangesNorUsesTheTemplates() {
        NamedAccount a = namedAccount("Templates A");
        Api b = newAccount();
        String secret = "secret-" + UUID.randomUUID();
        assertThat(a.api()
                        .put(SIGNUP, Api.json("{\"subject\": \"" + secret + "\"}"))
                        .status())
                .isEqualTo(200);

        assertThat(b.get(SIGNUP).raw()).doesNotContain(secret);
        assertThat(b.post(SIGNUP + "/preview", "").raw()).doesNotContain(secret);
        assertThat(b.delete(SIGNUP).status()).isEqualTo(204);
        assertThat(b.put(SIGNUP, Api.json(GOOD)).status()).isEqualTo(200);

        JsonNode kept = a.api().get(SIGNUP).json();
        assertThat(kept.get("subject").asString()).isEqualTo(secret);
        assertThat(kept.get("text_body").asString()).doesNotContain("Confirm: ");
        assertThat(b.get(SIGNUP).json().get("subject").asString()).isEqualTo("Yes to {{sender_name}}?");
    }

    private int storedTemplates(String accountId) {
        return db.fetchCount(
                DSL.table("mail_template"), DSL.field("account_id", UUID.class).eq(UUID.fromString(accountId)));
    }

    private int outboxMail(String accountId) {
        return db.fetchCount(
                DSL.table("outbox_mail"), DSL.field("account_id", UUID.class).eq(UUID.fromString(accountId)));
    }
}
