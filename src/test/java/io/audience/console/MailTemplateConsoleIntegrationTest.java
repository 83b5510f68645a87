package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.ConsoleClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The console's Confirmation mail tab, each change checked through the API. */
class MailTemplateConsoleIntegrationTest extends SettingsConsoleSupport {

    private static final String SIGNUP = "/v3/account/mail_templates/signup_confirmation";

    @Test
    void theOwnerSetsThePostalAddressPreviewsSavesAndResetsATemplate() {
        NamedAccount account = namedAccount("Mail tab");
        settings(account.api(), true);
        ConsoleClient owner = signedIn(account, "account_owner");

        ConsoleClient.Page page = owner.get("/console/settings/mail");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Sign-up confirmation mail")
                .contains("Resubscribe request mail")
                .contains("value=\"Please confirm your subscription to {{sender_name}}\"")
                .contains("<label for=\"signup-subject\">Subject</label>");

        assertRedirectedTo(
                owner.post(
                        "/console/settings/mail/physical-address",
                        Map.of("physical_address", "3 Mill Lane\r\nOldtown")),
                "/console/settings/mail");
        assertThat(account.api()
                        .get("/v3/account/settings")
                        .json()
                        .get("physical_address")
                        .asString())
                .isEqualTo("3 Mill Lane\nOldtown");

        Map<String, String> form = Map.of(
                "subject", "<b>{{sender_name}}</b> asks",
                "text_body", "Please: {{confirmation_url}}",
                "html_body", "<p>{{physical_address}}</p> {{confirmation_url}}");
        ConsoleClient.Page preview = owner.post("/console/settings/mail/signup_confirmation/preview", form);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body())
                .contains("id=\"signup-preview-subject\">&lt;b&gt;Acme Bakery&lt;/b&gt; asks</dd>")
                .contains("Please: http://")
                .contains("/confirm/sample-link")
                .contains("id=\"signup-preview-html\">&lt;p&gt;3 Mill Lane, Oldtown&lt;/p&gt; http://")
                .doesNotContain("<b>Acme Bakery</b>");
        assertThat(account.api().get(SIGNUP).json().get("customized").asBoolean())
                .as("a preview saves nothing")
                .isFalse();

        assertRedirectedTo(owner.post("/console/settings/mail/signup_confirmation", form), "/console/settings/mail");
        JsonNode saved = account.api().get(SIGNUP).json();
        assertThat(saved.get("subject").asString()).isEqualTo("<b>{{sender_name}}</b> asks");
        assertThat(saved.get("html_body").asString()).isEqualTo("<p>{{physical_address}}</p> {{confirmation_url}}");

        ConsoleClient.Page refused =
                owner.post("/console/settings/mail/signup_confirmation", Map.of("text_body", "no link here"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("text_body").contains("{{confirmation_url}}");
        assertThat(account.api().get(SIGNUP).json().get("text_body").asString())
                .isEqualTo("Please: {{confirmation_url}}");

        assertRedirectedTo(
                owner.post("/console/settings/mail/signup_confirmation/reset", Map.of()), "/console/settings/mail");
        assertThat(account.api().get(SIGNUP).json().get("customized").asBoolean())
                .isFalse();
    }

    @Test
    void aCampaignCreatorMayNotChangeTheTemplates() {
        NamedAccount account = namedAccount("Mail tab creator");
        ConsoleClient creator = signedIn(account, "campaign_creator");

        ConsoleClient.Page refused =
                creator.post("/console/settings/mail/signup_confirmation", Map.of("subject", "Mine {{sender_name}}"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(account.api().get(SIGNUP).json().get("customized").asBoolean())
                .isFalse();
    }
}
