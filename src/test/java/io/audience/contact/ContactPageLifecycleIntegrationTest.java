package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The contact page's delete, restore, erase and resubscribe over HTTP: each asks first, and
 * what it did is what the API and the consent history then show.
 */
class ContactPageLifecycleIntegrationTest extends ContactPageTest {

    @Test
    void deleteAsksFirstAndRestoreRevivesTheContactWithItsConsentUntouched() {
        Fixture f = fixture();
        int events = history(f).size();
        ConsoleClient.Page confirm = f.console().get(f.path() + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete the contact").contains(f.email());
        assertThat(f.contact().has("deleted_at"))
                .as("the confirm step changes nothing")
                .isFalse();

        redirectsBack(f.console().post(f.path() + "/delete", Map.of()), f);
        assertThat(f.contact().get("deleted_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        String deletedPage = f.console().get(f.path()).body();
        assertThat(deletedPage).contains("Deleted on ").contains("Restore");
        ConsoleClient.Page edit = f.console()
                .post(f.path() + "/profile", Map.of("version", version(f.console(), f.path()), "firstName", "X"));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.body()).contains("restore it before you edit it");

        redirectsBack(f.console().post(f.path() + "/restore", Map.of()), f);
        JsonNode restored = f.contact();
        assertThat(restored.has("deleted_at")).isFalse();
        assertThat(restored.get("first_name").asString()).isEqualTo("Test");
        assertThat(restored.get("email_address").get("permission_to_send").asString())
                .isEqualTo("implicit");
        assertThat(history(f)).as("restoring leaves consent as it was").hasSize(events);
        assertThat(f.console().get(f.path()).body()).contains("Restored. The contact is active again.");
    }

    @Test
    void eraseIsRefusedUnlessTheAddressIsTypedAndThenErasesThePerson() {
        Fixture f = fixture();
        f.console().get(f.path());
        ConsoleClient.Page none = f.console().post(f.path() + "/erase", Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("type its email address").contains("nothing was erased");
        ConsoleClient.Page wrong =
                f.console().post(f.path() + "/erase", Map.of("confirmEmail", "someone@else.example"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Nothing was erased");
        assertThat(f.contact().get("email_address").get("address").asString()).isEqualTo(f.email());

        ConsoleClient.Page erased = f.console()
                .post(
                        f.path() + "/erase",
                        Map.of("confirmEmail", " " + f.email().toUpperCase(java.util.Locale.ROOT) + " "));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(302);
        assertThat(erased.location().orElse("")).endsWith("/console/contacts");
        assertThat(f.account().api().get("/v3/contacts/" + f.id()).status()).isEqualTo(404);
        assertThat(f.console().get(f.path()).status()).isEqualTo(404);
    }

    @Test
    void resubscribeIsOfferedOnlyAfterThePersonOptedOutAndSendsTheConfirmationMail() throws Exception {
        Fixture f = fixture();
        settings(f.account().api(), false);
        String list = createList(f.account().api(), "Again");
        f.console().get(f.path());
        ConsoleClient.Page early = f.console().post(f.path() + "/resubscribe", Map.of("list", list));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("has not unsubscribed themselves");

        Api.Response optOut = f.account().api().put("/v3/contacts/" + f.id(), Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(f.email())));
        assertThat(optOut.status()).as(optOut.toString()).isEqualTo(200);
        String page = f.console().get(f.path()).body();
        assertThat(page)
                .contains("Unsubscribed by the person on ")
                .contains("only they can subscribe again")
                .contains("id=\"resubscribe\"");

        redirectsBack(f.console().post(f.path() + "/resubscribe", Map.of("list", list)), f);
        assertThat(f.contact().get("email_address").get("permission_to_send").asString())
                .isEqualTo("pending_confirmation");
        List<MimeMessage> mail = Mailbox.awaitMail(f.email(), 1, Duration.ofSeconds(20));
        assertThat(mail.get(0).getSubject()).contains("again");
        assertThat(f.console().get(f.path()).body()).contains("Waiting for confirmation since");

        ConsoleClient.Page twice = f.console().post(f.path() + "/resubscribe", Map.of("list", list));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already sent");
    }
}
