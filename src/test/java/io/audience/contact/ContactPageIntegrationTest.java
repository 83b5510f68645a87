package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console's contact page over HTTP: each edit and action changes what the API then shows, a
 * refused one changes nothing and says why, and another account's contact is a 404 everywhere.
 */
class ContactPageIntegrationTest extends IntegrationTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    private record Fixture(NamedAccount account, ConsoleClient console, String id, String email) {

        String path() {
            return "/console/contacts/" + id;
        }

        JsonNode contact() {
            Api.Response found = account.api()
                    .get("/v3/contacts/" + id
                            + "?include=list_memberships,taggings,custom_fields,phone_numbers,street_addresses");
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            return found.json();
        }
    }

    private Fixture fixture() {
        NamedAccount account = namedAccount("Contact page");
        ConsoleClient console =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        String email = uniqueEmail("page");
        String id = createContact(account.api(), email).get("contact_id").asString();
        return new Fixture(account, console, id, email);
    }

    private static String version(ConsoleClient console, String path) {
        ConsoleClient.Page page = console.get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Matcher m = VERSION.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    private static void redirectsBack(ConsoleClient.Page done, Fixture f) {
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(done.location().orElse("")).endsWith(f.path());
    }

    @Test
    void thePageShowsTheProfileTheConsentInWordsAndItsHistory() {
        Fixture f = fixture();
        ConsoleClient.Page page = f.console().get(f.path());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body())
                .contains(f.email())
                .contains("Subscribed (implicit consent")
                .contains("through the API")
                .contains("<ol class=\"timeline\"")
                .contains("the account, with an API token")
                .as("the resubscribe request is offered only after the person's own opt-out")
                .doesNotContain("id=\"resubscribe\"");
    }

    @Test
    void theProfileIsSavedAsThePutSavesItAndABadValueIsRefusedWithTheApisWords() {
        Fixture f = fixture();
        String version = version(f.console(), f.path());
        redirectsBack(
                f.console()
                        .post(
                                f.path() + "/profile",
                                Map.of(
                                        "version", version,
                                        "email", f.email(),
                                        "firstName", "Ada",
                                        "lastName", "Lovelace",
                                        "companyName", "Analytical Engines",
                                        "phone0", "+44 20 7946 0000",
                                        "phoneKind0", "work",
                                        "birthdayMonth", "12",
                                        "birthdayDay", "10")),
                f);
        JsonNode saved = f.contact();
        assertThat(saved.get("first_name").asString()).isEqualTo("Ada");
        assertThat(saved.get("company_name").asString()).isEqualTo("Analytical Engines");
        assertThat(saved.get("birthday_month").asInt()).isEqualTo(12);
        assertThat(saved.get("phone_numbers").get(0).get("phone_number").asString())
                .isEqualTo("+44 20 7946 0000");
        assertThat(saved.get("email_address").get("permission_to_send").asString())
                .isEqualTo("implicit");
        assertThat(f.console().get(f.path()).body()).contains("Saved. The profile is up to date.");

        ConsoleClient.Page refused = f.console()
                .post(
                        f.path() + "/profile",
                        Map.of(
                                "version",
                                version(f.console(), f.path()),
                                "firstName",
                                "Changed",
                                "birthdayMonth",
                                "13",
                                "birthdayDay",
                                "1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("birthday_month must be from 1 to 12, not 13");
        assertThat(f.contact().get("first_name").asString()).isEqualTo("Ada");

        ConsoleClient.Page stale =
                f.console().post(f.path() + "/profile", Map.of("version", version, "firstName", "Stale"));
        assertThat(stale.status())
                .as("the page was shown before the last change")
                .isEqualTo(412);
        assertThat(f.contact().get("first_name").asString()).isEqualTo("Ada");
    }

    @Test
    void listsAreSavedTogetherAndTagsAndCustomFieldsAreEditable() {
        Fixture f = fixture();
        String list = createList(f.account().api(), "Weekly");
        String tag = f.account()
                .api()
                .post("/v3/contact_tags", Api.object().put("name", "VIP"))
                .json()
                .get("tag_id")
                .asString();
        String field = f.account()
                .api()
                .post(
                        "/v3/contact_custom_fields",
                        Api.object().put("label", "Shoe size").put("type", "string"))
                .json()
                .get("custom_field_id")
                .asString();

        redirectsBack(
                f.console().post(f.path() + "/lists", Map.of("version", version(f.console(), f.path()), "list", list)),
                f);
        assertThat(f.contact().get("list_memberships").toString()).contains(list);
        redirectsBack(
                f.console().post(f.path() + "/tags/add", Map.of("version", version(f.console(), f.path()), "tag", tag)),
                f);
        assertThat(f.contact().get("taggings").toString()).contains(tag);
        redirectsBack(
                f.console()
                        .post(
                                f.path() + "/fields",
                                Map.of(
                                        "version",
                                        version(f.console(), f.path()),
                                        "fieldId",
                                        field,
                                        "field_" + field,
                                        "42")),
                f);
        assertThat(f.contact().get("custom_fields").get(0).get("value").asString())
                .isEqualTo("42");
        assertThat(f.console().get(f.path()).body()).contains("Remove VIP").contains("value=\"42\"");

        redirectsBack(
                f.console()
                        .post(f.path() + "/tags/remove", Map.of("version", version(f.console(), f.path()), "tag", tag)),
                f);
        redirectsBack(f.console().post(f.path() + "/lists", Map.of("version", version(f.console(), f.path()))), f);
        JsonNode after = f.contact();
        assertThat(after.get("taggings")).isEmpty();
        assertThat(after.get("list_memberships"))
                .as("no box ticked: on no list")
                .isEmpty();
        assertThat(after.get("custom_fields").get(0).get("value").asString())
                .as("a list edit keeps the other sub-resources")
                .isEqualTo("42");
        assertThat(after.get("first_name").asString()).isEqualTo("Test");
    }

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

    @Test
    void anotherAccountsContactIsNotFoundOnEveryRouteAndNothingChanges() {
        Fixture a = fixture();
        String list = createList(a.account().api(), "A's list");
        String before = a.contact().toString();
        NamedAccount b = namedAccount("Other");
        ConsoleClient other =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), b.id(), "account_owner"));
        String path = a.path();
        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.get(path + "/delete").status()).isEqualTo(404);
        Map<String, Map<String, String>> posts = Map.of(
                "/profile", Map.of("version", "1", "firstName", "Mallory"),
                "/lists", Map.of("version", "1", "list", list),
                "/tags/add", Map.of("version", "1", "tag", list),
                "/tags/remove", Map.of("version", "1", "tag", list),
                "/fields", Map.of("version", "1"),
                "/delete", Map.of(),
                "/restore", Map.of(),
                "/erase", Map.of("confirmEmail", a.email()),
                "/resubscribe", Map.of("list", list));
        posts.forEach((action, form) -> {
            ConsoleClient.Page answer = other.post(path + action, form);
            assertThat(answer.status()).as(action + ": " + answer).isEqualTo(404);
        });
        assertThat(a.contact().toString()).isEqualTo(before);
    }

    private JsonNode history(Fixture f) {
        return f.account()
                .api()
                .get("/v3/contacts/" + f.id() + "/consent_history")
                .json()
                .get("events");
    }
}
