package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console's contact page over HTTP: each edit changes what the API then shows, a refused one
 * changes nothing and says why, and another account's contact is a 404 everywhere.
 */
class ContactPageIntegrationTest extends ContactPageTest {

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
}
