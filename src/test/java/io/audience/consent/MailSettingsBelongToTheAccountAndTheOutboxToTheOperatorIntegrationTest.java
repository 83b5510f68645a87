package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The settings behind the confirmation mail are the account's own; the mail it queues is the operator's to read. */
class MailSettingsBelongToTheAccountAndTheOutboxToTheOperatorIntegrationTest extends IntegrationTest {

    private static final Duration MAIL = Duration.ofSeconds(20);

    @Test
    void accountSettingsAreReadReplacedValidatedAndPrivate() {
        Api api = newAccount();
        JsonNode defaults = api.get("/v3/account/settings").json();
        assertThat(defaults.get("confirmed_opt_in").asBoolean()).isFalse();

        settings(api, true);
        assertThat(api.get("/v3/account/settings").json().get("from_name").asString())
                .isEqualTo("Acme Bakery");
        Api.Response bad = api.put("/v3/account/settings", Api.json("{\"from_email\": \"not an address\"}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().get("error_message").asString()).contains("from_email");
        assertThat(newAccount()
                        .get("/v3/account/settings")
                        .json()
                        .get("confirmed_opt_in")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void operatorCanReadTheOutbox() {
        Api api = newAccount();
        settings(api, true);
        String email = uniqueEmail("outbox");
        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, createList(api, "Outbox"))));
        Mailbox.awaitMail(email, 1, MAIL);

        Api.Response outbox = admin().get("/admin/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.raw()).contains(email).contains("/confirm/");
        assertThat(api.get("/admin/outbox").status()).isEqualTo(401);
    }
}
