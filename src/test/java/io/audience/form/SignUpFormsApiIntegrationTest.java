package io.audience.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** /v3/sign_up_forms: the definition, its versions of wording, its public addresses, per account, and bad bodies. */
class SignUpFormsApiIntegrationTest extends IntegrationTest {

    static ObjectNode formBody(String list, String consentText) {
        ObjectNode body = Api.object()
                .put("name", "Newsletter footer")
                .put("consent_text", consentText)
                .put("success_message", "Thanks for joining the Tuesday letter!");
        body.putArray("list_ids").add(list);
        ArrayNode fields = body.putArray("fields");
        fields.addObject().put("name", "first_name").put("required", true);
        fields.addObject().put("name", "last_name");
        body.putArray("allowed_origins").add("HTTPS://Shop.Example:443/").add("http://localhost:3000");
        return body;
    }

    @Test
    void aCreatedFormAnswersItsPublicPageAndASnippetWithoutAnyToken() {
        NamedAccount account = namedAccount("Forms");
        String list = createList(account.api(), "Tuesday");

        Api.Response created = account.api().post("/v3/sign_up_forms", formBody(list, "Yes, send me the letter."));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode form = created.json();
        String id = form.get("form_id").asString();
        assertThat(form.get("url").asString()).matches("http://localhost:\\d+/forms/" + id);
        assertThat(form.get("consent_text_version").asInt()).isEqualTo(1);
        assertThat(form.get("allowed_origins").toString())
                .as("origins are kept as browsers send them")
                .isEqualTo("[\"https://shop.example\",\"http://localhost:3000\"]");
        assertThat(form.get("fields").get(0).get("label").asString()).isEqualTo("First name");
        assertThat(form.get("fields").get(0).get("required").asBoolean()).isTrue();
        String embed = form.get("embed_html").asString();
        assertThat(embed)
                .contains("action=\"" + form.get("url").asString() + "\"")
                .contains("name=\"email_address\"")
                .contains("name=\"first_name\"")
                .contains("name=\"leave_this_empty\"")
                .contains("name=\"altcha\"")
                .contains("<noscript>")
                .contains("/assets/audience-form.js")
                .contains("Yes, send me the letter.")
                .doesNotContain(account.token())
                .doesNotContain(account.id());

        Api.Response page = new Api(baseUrl(), null).get("/forms/" + id, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Newsletter footer").contains("name=\"email_address\"");
        assertThat(account.api()
                        .get("/v3/sign_up_forms")
                        .json()
                        .get("sign_up_forms")
                        .get(0)
                        .get("form_id")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void changingTheWordingMakesANewVersionAndKeepsTheOldOne() {
        NamedAccount account = namedAccount("Forms versions");
        String list = createList(account.api(), "Tuesday");
        String id = account.api()
                .post("/v3/sign_up_forms", formBody(list, "Version one."))
                .json()
                .get("form_id")
                .asString();

        ObjectNode renamed = formBody(list, "Version one.").put("name", "Renamed");
        Api.Response same = account.api().put("/v3/sign_up_forms/" + id, renamed);
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get("consent_text_version").asInt())
                .as("a new name is not a new wording")
                .isEqualTo(1);
        Api.Response reworded = account.api().put("/v3/sign_up_forms/" + id, formBody(list, "Version two."));
        assertThat(reworded.json().get("consent_text_version").asInt()).isEqualTo(2);

        JsonNode versions = account.api().get("/v3/sign_up_forms/" + id).json().get("consent_text_versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("consent_text").asString()).isEqualTo("Version one.");
        assertThat(versions.get(1).get("consent_text").asString()).isEqualTo("Version two.");
        assertThat(db.fetchValue("select count(*) from sign_up_form_version where form_id = ?::uuid", id))
                .isEqualTo(2L);
    }

    @Test
    void aDeletedFormIsGoneFromTheApiAndItsPageSaysItIsClosed() {
        NamedAccount account = namedAccount("Forms delete");
        String id = account.api()
                .post("/v3/sign_up_forms", formBody(createList(account.api(), "L"), "Text."))
                .json()
                .get("form_id")
                .asString();

        assertThat(account.api().delete("/v3/sign_up_forms/" + id).status()).isEqualTo(204);

        assertThat(account.api().get("/v3/sign_up_forms/" + id).status()).isEqualTo(404);
        assertThat(account.api().delete("/v3/sign_up_forms/" + id).status()).isEqualTo(404);
        assertThat(account.api().get("/v3/sign_up_forms").json().get("sign_up_forms"))
                .isEmpty();
        Api.Response page = new Api(baseUrl(), null).get("/forms/" + id, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.raw()).contains("This form is closed");
        assertThat(new Api(baseUrl(), null).get("/forms/" + id + "/challenge").status())
                .isEqualTo(404);
    }

    @Test
    void anotherAccountCanNeitherSeeNorChangeNorDeleteAForm() {
        NamedAccount owner = namedAccount("Forms owner");
        NamedAccount other = namedAccount("Forms other");
        String list = createList(owner.api(), "Owner's list");
        String id = owner.api()
                .post("/v3/sign_up_forms", formBody(list, "Owner's text."))
                .json()
                .get("form_id")
                .asString();

        assertThat(other.api().get("/v3/sign_up_forms/" + id).status()).isEqualTo(404);
        assertThat(other.api()
                        .put("/v3/sign_up_forms/" + id, formBody(createList(other.api(), "Mine"), "Theirs."))
                        .status())
                .isEqualTo(404);
        assertThat(other.api().delete("/v3/sign_up_forms/" + id).status()).isEqualTo(404);
        assertThat(other.api().get("/v3/sign_up_forms").json().get("sign_up_forms"))
                .isEmpty();
        Api.Response foreignList = other.api().post("/v3/sign_up_forms", formBody(list, "Into their list."));
        assertThat(foreignList.status())
                .as("a form cannot collect into another account's list")
                .isEqualTo(404);
        assertThat(owner.api()
                        .get("/v3/sign_up_forms/" + id)
                        .json()
                        .get("consent_text")
                        .asString())
                .isEqualTo("Owner's text.");
        assertThat(new Api(baseUrl(), null).get("/v3/sign_up_forms/" + id).status())
                .isEqualTo(401);
    }

    @Test
    void badFormBodiesAreRefusedWithTheirReasonAndWriteNothing() {
        NamedAccount account = namedAccount("Forms bad");
        String list = createList(account.api(), "L");
        String field = account.api()
                .post(
                        "/v3/contact_custom_fields",
                        Api.object().put("label", "Shoe size").put("type", "string"))
                .json()
                .get("custom_field_id")
                .asString();
        List<String> refusals = new ArrayList<>();
        List<ObjectNode> bodies = List.of(
                formBody(list, "T").putNull("name"),
                formBody(list, "T").put("name", " "),
                formBody(list, "T").put("name", "x".repeat(256)),
                formBody(list, "T").put("name", "nul\u0000"),
                formBody(list, "T").putNull("consent_text"),
                formBody(list, "T").put("consent_text", "y".repeat(10_001)),
                withArray(formBody(list, "T"), "list_ids"),
                withArray(formBody(list, "T"), "list_ids", "not-an-id"),
                withArray(formBody(list, "T"), "allowed_origins", "https://shop.example/path"),
                withArray(formBody(list, "T"), "allowed_origins", "javascript:alert(1)"),
                withArray(formBody(list, "T"), "allowed_origins", "https://user:pw@shop.example"),
                withArray(formBody(list, "T"), "allowed_origins", "*"),
                formBody(list, "T").put("redirect_url", "javascript:alert(1)"),
                formBody(list, "T").put("redirect_url", "/relative"),
                formBody(list, "T").put("redirect_url", "https://u:p@shop.example/"),
                fields(formBody(list, "T"), "{\"name\": \"email_address\"}"),
                fields(formBody(list, "T"), "{\"name\": \"password\"}"),
                fields(formBody(list, "T"), "{\"name\": \"first_name\"}, {\"name\": \"first_name\"}"),
                fields(formBody(list, "T"), "{}"),
                fields(formBody(list, "T"), "{\"name\": \"first_name\", \"custom_field_id\": \"" + field + "\"}"),
                fields(formBody(list, "T"), "{\"custom_field_id\": \"nope\"}"),
                fields(formBody(list, "T"), "null"),
                fields(formBody(list, "T"), "{\"name\": \"first_name\", \"label\": \"" + "l".repeat(101) + "\"}"),
                formBody(list, "T").put("success_message", "m".repeat(1_001)),
                formBody(list, "T").put("name", 12));
        for (ObjectNode body : bodies) {
            Api.Response refused = account.api().post("/v3/sign_up_forms", body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
            assertThat(refused.error().get("error_message").asString()).isNotBlank();
            refusals.add(refused.error().get("error_message").asString());
        }
        Api.Response unknownField = account.api()
                .post(
                        "/v3/sign_up_forms",
                        fields(formBody(list, "T"), "{\"custom_field_id\": \"" + java.util.UUID.randomUUID() + "\"}"));
        assertThat(unknownField.status()).as(unknownField.toString()).isEqualTo(404);
        Api.Response unknownList = account.api()
                .post("/v3/sign_up_forms", formBody(java.util.UUID.randomUUID().toString(), "T"));
        assertThat(unknownList.status()).isEqualTo(404);
        assertThat(unknownList.error().get("error_message").asString()).contains("list_ids");
        assertThat(account.api().get("/v3/sign_up_forms").json().get("sign_up_forms"))
                .as("nothing was written: %s", refusals)
                .isEmpty();
        Api.Response custom = account.api()
                .post("/v3/sign_up_forms", fields(formBody(list, "T"), "{\"custom_field_id\": \"" + field + "\"}"));
        assertThat(custom.status()).as(custom.toString()).isEqualTo(201);
        assertThat(custom.json().get("fields").get(0).get("label").asString()).isEqualTo("Shoe size");
        assertThat(custom.json().get("embed_html").asString()).contains("name=\"cf_" + field + "\"");
    }

    private static ObjectNode withArray(ObjectNode body, String name, String... values) {
        ArrayNode array = body.putArray(name);
        for (String value : values) {
            array.add(value);
        }
        return body;
    }

    private static ObjectNode fields(ObjectNode body, String fieldsJson) {
        body.set("fields", Api.json("{\"f\": [" + fieldsJson + "]}").get("f"));
        return body;
    }
}
