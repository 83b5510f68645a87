package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lists, tags and custom fields pages over HTTP: each change lands where the API sees it. */
class ListsTagsFieldsConsoleIntegrationTest extends IntegrationTest {

    private ConsoleClient signedIn(NamedAccount account, String role) {
        return new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), role));
    }

    private static void assertRedirectedTo(ConsoleClient.Page page, String path) {
        assertThat(page.status()).as(page.toString()).isEqualTo(302);
        assertThat(page.location().orElse("")).endsWith(path);
    }

    private static JsonNode listNamed(Api api, String name) {
        Api.Response found = api.get("/v3/contact_lists?name=" + name);
        assertThat(found.json().get("lists")).as(found.toString()).hasSize(1);
        return found.json().get("lists").get(0);
    }

    @Test
    void aListIsCreatedRenamedAndDeletedAndTheApiSeesEachChange() {
        NamedAccount account = namedAccount("Lists");
        ConsoleClient console = signedIn(account, "account_owner");
        assertThat(console.get("/console/lists").status()).isEqualTo(200);

        assertRedirectedTo(
                console.post(
                        "/console/lists", Map.of("name", "Customers", "description", "Who bought", "favorite", "true")),
                "/console/lists");
        JsonNode created = listNamed(account.api(), "Customers");
        assertThat(created.get("description").asString()).isEqualTo("Who bought");
        assertThat(created.get("favorite").asBoolean()).isTrue();
        String listId = created.get("list_id").asString();
        ConsoleClient.Page shown = console.get("/console/lists");
        assertThat(shown.body()).contains("The list \"Customers\" was created.", "Customers", "Who bought");

        assertRedirectedTo(
                console.post("/console/lists/" + listId, Map.of("name", "Clients", "description", "")),
                "/console/lists");
        JsonNode renamed = account.api().get("/v3/contact_lists/" + listId).json();
        assertThat(renamed.get("name").asString()).isEqualTo("Clients");
        assertThat(renamed.get("favorite").asBoolean()).isFalse();
        assertThat(console.get("/console/lists").body()).contains("The list is now named \"Clients\".");

        ConsoleClient.Page confirm = console.get("/console/lists/" + listId + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete the list <strong>Clients</strong>?");
        assertRedirectedTo(console.post("/console/lists/" + listId + "/delete", Map.of()), "/console/lists");
        assertThat(account.api().get("/v3/contact_lists").json().get("lists")).isEmpty();
        assertThat(console.get("/console/lists").body()).contains("was deleted with its memberships", "completed");
    }

    @Test
    void aRefusedListChangeExplainsItselfWithTheApisMessage() {
        NamedAccount account = namedAccount("Lists refused");
        createList(account.api(), "Taken");
        ConsoleClient console = signedIn(account, "account_manager");
        console.get("/console/lists");

        ConsoleClient.Page page = console.post("/console/lists", Map.of("name", "Taken"));
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("A list named \"Taken\" already exists");

        ConsoleClient.Page htmx = console.htmx("POST", "/console/lists", Map.of("name", " "));
        assertThat(htmx.status()).isEqualTo(400);
        assertThat(htmx.response().headers().firstValue("HX-Retarget")).contains("#flash");
        assertThat(htmx.body()).contains("name is required");
    }

    @Test
    void memberCountsCountTheMembersAndLinkToTheirContacts() {
        NamedAccount account = namedAccount("Counts");
        String list = createList(account.api(), "Members");
        String empty = createList(account.api(), "Nobody");
        for (String email : new String[] {uniqueEmail("one"), uniqueEmail("two")}) {
            Api.Response signUp = account.api().post("/v3/contacts/sign_up_form", Api.json("""
                    {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(email, list)));
            assertThat(signUp.status()).as(signUp.toString()).isIn(200, 201);
        }
        String body = signedIn(account, "account_owner").get("/console/lists").body();
        assertThat(body).containsPattern(Pattern.quote("href=\"/console/contacts?list=" + list + "\"") + "[^>]*>2<");
        assertThat(body).containsPattern(Pattern.quote("href=\"/console/contacts?list=" + empty + "\"") + "[^>]*>0<");
    }

    @Test
    void aTagIsCreatedRenamedAndDeletedWithItsContactCount() {
        NamedAccount account = namedAccount("Tags");
        ConsoleClient console = signedIn(account, "account_owner");
        console.get("/console/tags");
        assertRedirectedTo(console.post("/console/tags", Map.of("name", "VIP")), "/console/tags");
        JsonNode tag = account.api().get("/v3/contact_tags").json().get("tags").get(0);
        assertThat(tag.get("name").asString()).isEqualTo("VIP");
        String tagId = tag.get("tag_id").asString();
        Api.Response contact =
                account.api().post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": ["%s"]}
                """.formatted(uniqueEmail("tagged"), tagId)));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        assertThat(console.get("/console/tags").body())
                .containsPattern(Pattern.quote("href=\"/console/contacts?tag=" + tagId + "\"") + "[^>]*>1<");

        assertRedirectedTo(console.post("/console/tags/" + tagId, Map.of("name", "Very important")), "/console/tags");
        assertThat(account.api()
                        .get("/v3/contact_tags/" + tagId)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Very important");

        assertThat(console.get("/console/tags/" + tagId + "/delete").body()).contains("removed from the 1 contact");
        assertRedirectedTo(console.post("/console/tags/" + tagId + "/delete", Map.of()), "/console/tags");
        assertThat(account.api().get("/v3/contact_tags/" + tagId).status()).isEqualTo(404);
    }

    @Test
    void aCustomFieldIsCreatedRelabelledAndDeleted() {
        NamedAccount account = namedAccount("Fields");
        ConsoleClient console = signedIn(account, "account_owner");
        console.get("/console/fields");
        assertRedirectedTo(
                console.post("/console/fields", Map.of("label", "Shoe size", "type", "number")), "/console/fields");
        assertRedirectedTo(
                console.post(
                        "/console/fields", Map.of("label", "Colour", "type", "single_select", "choices", "Red\nBlue")),
                "/console/fields");
        JsonNode fields = account.api().get("/v3/contact_custom_fields").json().get("custom_fields");
        assertThat(fields).hasSize(2);
        JsonNode colour = fields.get(0).get("label").asString().equals("Colour") ? fields.get(0) : fields.get(1);
        assertThat(colour.get("type").asString()).isEqualTo("single_select");
        assertThat(colour.get("choices")).hasSize(2);
        String colourId = colour.get("custom_field_id").asString();

        assertRedirectedTo(
                console.post("/console/fields/" + colourId, Map.of("label", "Favourite colour")), "/console/fields");
        JsonNode relabelled =
                account.api().get("/v3/contact_custom_fields/" + colourId).json();
        assertThat(relabelled.get("label").asString()).isEqualTo("Favourite colour");
        assertThat(relabelled.get("choices"))
                .as("a relabelled select keeps its choices")
                .hasSize(2);

        ConsoleClient.Page wrongType = console.post("/console/fields", Map.of("label", "Odd", "type", "colour"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("type must be one of");

        assertThat(console.get("/console/fields/" + colourId + "/delete").status())
                .isEqualTo(200);
        assertRedirectedTo(console.post("/console/fields/" + colourId + "/delete", Map.of()), "/console/fields");
        assertThat(account.api().get("/v3/contact_custom_fields/" + colourId).status())
                .isEqualTo(404);
    }

    @Test
    void aCampaignCreatorSeesTheListsReadOnlyAndIsRefusedEveryChange() {
        NamedAccount account = namedAccount("Campaigns");
        String list = createList(account.api(), "Newsletter");
        ConsoleClient console = signedIn(account, "campaign_creator");

        ConsoleClient.Page page = console.get("/console/lists");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Newsletter").doesNotContain("Create list", "/delete", "Rename");

        assertThat(console.post("/console/lists", Map.of("name", "Sneaky")).status())
                .isEqualTo(403);
        assertThat(console.post("/console/lists/" + list, Map.of("name", "Renamed"))
                        .status())
                .isEqualTo(403);
        assertThat(console.get("/console/lists/" + list + "/delete").status()).isEqualTo(403);
        ConsoleClient.Page delete = console.post("/console/lists/" + list + "/delete", Map.of());
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.body()).contains("Campaign creator");
        for (String contactPage : new String[] {"/console/tags", "/console/fields"}) {
            assertThat(console.get(contactPage).status()).as(contactPage).isEqualTo(403);
        }
        // 403 from the request gate once the contacts page is there (another part of the console); never a page.
        assertThat(console.get("/console/contacts").status()).isIn(403, 404);

        JsonNode lists = account.api().get("/v3/contact_lists").json().get("lists");
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).get("name").asString()).isEqualTo("Newsletter");
    }

    @Test
    void anotherAccountsListsTagsAndFieldsAreNotFoundOnEveryRoute() {
        NamedAccount owner = namedAccount("Owner");
        String list = createList(owner.api(), "Private list");
        String tag = owner.api()
                .post("/v3/contact_tags", Api.object().put("name", "Private tag"))
                .json()
                .get("tag_id")
                .asString();
        String field = owner.api()
                .post("/v3/contact_custom_fields", Api.json("{\"label\": \"Private field\", \"type\": \"string\"}"))
                .json()
                .get("custom_field_id")
                .asString();
        ConsoleClient other = signedIn(namedAccount("Other"), "account_owner");
        other.get("/console/lists");

        Map<String, String> routes = Map.of(
                "/console/lists/" + list, "name",
                "/console/tags/" + tag, "name",
                "/console/fields/" + field, "label");
        routes.forEach((route, input) -> {
            assertThat(other.get(route + "/delete").status())
                    .as("GET " + route + "/delete")
                    .isEqualTo(404);
            assertThat(other.post(route, Map.of(input, "Hijacked")).status())
                    .as("POST " + route)
                    .isEqualTo(404);
            assertThat(other.post(route + "/delete", Map.of()).status())
                    .as("POST " + route + "/delete")
                    .isEqualTo(404);
        });

        assertThat(owner.api()
                        .get("/v3/contact_lists/" + list)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Private list");
        assertThat(owner.api().get("/v3/contact_lists").json().get("lists")).hasSize(1);
        assertThat(owner.api().get("/v3/contact_tags/" + tag).json().get("name").asString())
                .isEqualTo("Private tag");
        assertThat(owner.api()
                        .get("/v3/contact_custom_fields/" + field)
                        .json()
                        .get("label")
                        .asString())
                .isEqualTo("Private field");
    }
}
