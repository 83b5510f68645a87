package io.audience.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class CustomFieldsIntegrationTest extends IntegrationTest {

    @Test
    void fieldIsCreatedWithADerivedNameReadReplacedAndDeletedFromEveryContact() {
        Api api = newAccount();
        Api.Response created = api.post("/v3/contact_custom_fields", Api.json("""
                {"label": "Favorite fruit", "type": "single_select", "metadata": {"display_type": "radio"},
                 "choices": [{"choice_label": "Apple", "display_order": 1}, {"choice_label": "Pear", "display_order": 2}]}
                """));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode field = created.json();
        String id = field.get("custom_field_id").asString();
        assertThat(field.get("name").asString()).isEqualTo("Favorite_fruit");
        assertThat(field.get("metadata").get("display_type").asString()).isEqualTo("radio");
        assertThat(field.get("choices")).hasSize(2);
        int apple = field.get("choices").get(0).get("choice_id").asInt();

        String contact = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account",
                 "custom_fields": [{"custom_field_id": "%s", "choice_ids": ["%d"]}]}
                """.formatted(uniqueEmail("fruit"), id, apple)))
                .json()
                .get("contact_id")
                .asString();

        Api.Response replaced = api.put("/v3/contact_custom_fields/" + id, Api.json("""
                {"label": "Fruit", "choices": [{"choice_id": %d, "choice_label": "Green apple", "display_order": 1},
                                               {"choice_label": "Plum", "display_order": 2}]}
                """.formatted(apple)));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo("Fruit");
        assertThat(replaced.json().get("type").asString()).isEqualTo("single_select");
        assertThat(replaced.json().get("choices").get(0).get("choice_id").asInt())
                .as("kept id")
                .isEqualTo(apple);
        assertThat(replaced.json().get("choices").get(1).get("choice_label").asString())
                .isEqualTo("Plum");
        assertThat(api.put("/v3/contact_custom_fields/" + id, Api.json("{\"label\": \"Fruit\", \"type\": \"string\"}"))
                        .status())
                .as("type cannot change")
                .isEqualTo(400);

        assertThat(api.delete("/v3/contact_custom_fields/" + id).status()).isEqualTo(204);
        assertThat(api.get("/v3/contact_custom_fields/" + id).status()).isEqualTo(404);
        assertThat(api.get("/v3/contacts/" + contact + "?include=custom_fields")
                        .json()
                        .get("custom_fields"))
                .isEmpty();
    }

    @Test
    void labelsAreUniqueAndAnAccountHasAtMostOneHundredFields() {
        Api api = newAccount();
        for (int i = 0; i < 100; i++) {
            assertThat(api.post(
                                    "/v3/contact_custom_fields",
                                    Api.json("{\"label\": \"Field " + i + "\", \"type\": \"string\"}"))
                            .status())
                    .isEqualTo(201);
        }
        Api.Response duplicate =
                api.post("/v3/contact_custom_fields", Api.json("{\"label\": \"field 7\", \"type\": \"string\"}"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.error().has("custom_field_id")).isTrue();
        Api.Response tooMany =
                api.post("/v3/contact_custom_fields", Api.json("{\"label\": \"One more\", \"type\": \"string\"}"));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.error().get("error_message").asString()).contains("100");

        int seen = 0;
        String page = "/v3/contact_custom_fields?limit=30";
        while (page != null) {
            JsonNode body = api.get(page).json();
            seen += body.get("custom_fields").size();
            page = body.has("_links")
                    ? body.get("_links").get("next").get("href").asString()
                    : null;
        }
        assertThat(seen).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\": \"string\"}| label",
                "{\"label\": \"x\"}| type",
                "{\"label\": \"x\", \"type\": \"color\"}| type",
                "{\"label\": \"x\", \"type\": \"single_select\"}| choices",
                "{\"label\": \"x\", \"type\": \"string\", \"choices\": [{\"choice_label\": \"a\"}]}| choices",
                "{\"label\": \"x\", \"type\": \"multi_select\", \"choices\": [{\"choice_label\": \"a\"}, {\"choice_label\": \"A\"}]}| twice",
                "{\"label\": \"x\", \"type\": \"number\", \"metadata\": {\"decimal_places\": 9}}| decimal_places",
                "{\"label\": \"x\", \"type\": \"currency\", \"metadata\": {\"currency_code\": \"dollars\"}}| currency_code",
                "{\"label\": \"012345678901234567890123456789012345678901234567890\", \"type\": \"string\"}| label"
            })
    void badFieldDefinitionsAreRefusedNamingWhatIsWrong(String body, String mentioned) {
        Api api = newAccount();
        Api.Response refused = api.post("/v3/contact_custom_fields", Api.json(body));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.error().get("error_message").asString()).contains(mentioned.strip());
        assertThat(api.get("/v3/contact_custom_fields").json().get("custom_fields"))
                .isEmpty();
    }

    @Test
    void contactValuesAreCheckedAgainstTheirFieldAndRefusalsWriteNothing() {
        Api api = newAccount();
        String age = field(api, "{\"label\": \"Age\", \"type\": \"number\", \"metadata\": {\"integer\": true}}");
        String price = field(
                api,
                "{\"label\": \"Budget\", \"type\": \"currency\", \"metadata\": {\"decimal_places\": 2,"
                        + " \"currency_code\": \"EUR\", \"allow_negative\": false}}");
        String since = field(api, "{\"label\": \"Since\", \"type\": \"date\"}");
        String member = field(api, "{\"label\": \"Member\", \"type\": \"boolean\"}");
        String colors = field(
                api,
                "{\"label\": \"Colors\", \"type\": \"multi_select\", \"choices\": ["
                        + "{\"choice_label\": \"Red\"}, {\"choice_label\": \"Blue\"}]}");
        String[][] bad = {
            {age, "\"value\": \"forty\"", "not a number"},
            {age, "\"value\": \"4.5\"", "whole number"},
            {price, "\"value\": \"-3\"", "negative"},
            {price, "\"value\": \"1.234\"", "decimal places"},
            {since, "\"value\": \"31/12/2020\"", "not a date"},
            {member, "\"value\": \"yes\"", "true or false"},
            {colors, "\"choice_ids\": [\"9\"]", "not one of its choices"},
            {colors, "\"value\": \"Red\"", "choice_ids"},
            {age, "\"value\": \"" + "9".repeat(256) + "\"", "255"}
        };
        for (String[] c : bad) {
            Api.Response refused = api.post("/v3/contacts", Api.json("""
                    {"email_address": {"address": "%s"}, "create_source": "Account",
                     "custom_fields": [{"custom_field_id": "%s", %s}]}
                    """.formatted(uniqueEmail("bad"), c[0], c[1])));
            assertThat(refused.status()).as(c[1] + " -> " + refused).isEqualTo(400);
            assertThat(refused.error().get("error_message").asString())
                    .contains(c[2])
                    .contains(c[0]);
        }
        Api.Response unknown =
                api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account",
                 "custom_fields": [{"custom_field_id": "%s", "value": "1"}]}
                """.formatted(uniqueEmail("unknown"), java.util.UUID.randomUUID())));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/v3/contacts?status=all&include_count=true")
                        .json()
                        .get("contacts_count")
                        .asInt())
                .isZero();

        Api.Response good = api.post(
                "/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account",
                 "custom_fields": [{"custom_field_id": "%s", "value": "42"}, {"custom_field_id": "%s", "value": "9.50"},
                                   {"custom_field_id": "%s", "value": "2020-12-31"}, {"custom_field_id": "%s", "value": "true"},
                                   {"custom_field_id": "%s", "choice_ids": ["1", "2"]}]}
                """.formatted(uniqueEmail("good"), age, price, since, member, colors)));
        assertThat(good.status()).as(good.toString()).isEqualTo(201);
        assertThat(good.json().get("custom_fields")).hasSize(5);
        assertThat(good.json().get("custom_fields").get(4).get("choice_ids").toString())
                .isEqualTo("[\"1\",\"2\"]");
    }

    @Test
    void aContactHasAtMostTwentyFiveValues() {
        Api api = newAccount();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            String id = field(api, "{\"label\": \"F" + i + "\", \"type\": \"string\"}");
            values.append(i == 0 ? "" : ",")
                    .append("{\"custom_field_id\": \"")
                    .append(id)
                    .append("\", \"value\": \"v\"}");
        }
        Api.Response refused = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "custom_fields": [%s]}
                """.formatted(uniqueEmail("many"), values)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().get("error_message").asString())
                .contains("custom_fields")
                .contains("25");
        assertThat(api.get("/v3/contacts?status=all&include_count=true")
                        .json()
                        .get("contacts_count")
                        .asInt())
                .isZero();
    }

    @Test
    void signUpMergesCustomFieldValues() {
        Api api = newAccount();
        String list = createList(api, "Form");
        String city = field(api, "{\"label\": \"City\", \"type\": \"string\"}");
        String pet = field(api, "{\"label\": \"Pet\", \"type\": \"string\"}");
        String email = uniqueEmail("merge");
        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"],
                 "custom_fields": [{"custom_field_id": "%s", "value": "Oslo"}]}
                """.formatted(email, list, city)));
        String id = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"],
                 "custom_fields": [{"custom_field_id": "%s", "value": "Cat"}]}
                """.formatted(email, list, pet)))
                .json()
                .get("contact_id")
                .asString();

        JsonNode values =
                api.get("/v3/contacts/" + id + "?include=custom_fields").json().get("custom_fields");
        assertThat(values).hasSize(2);
        assertThat(values.toString()).contains("Oslo").contains("Cat");
    }

    private static String field(Api api, String body) {
        Api.Response created = api.post("/v3/contact_custom_fields", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("custom_field_id").asString();
    }
}
