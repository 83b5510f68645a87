package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FileImportIntegrationTest extends IntegrationTest {

    private static final String BOUNDARY = "----audience-test-boundary";

    @Test
    void aCsvFileImportsTheVendorsColumnsWithPhonesAddressesAndCustomFields() {
        Api api = newAccount();
        String list = createList(api, "From a file");
        JsonNode field = api.post("/v3/contact_custom_fields", Api.json("""
                {"label": "Shoe size", "type": "string"}""")).json();
        String fieldName = field.get("name").asString();
        String existing = uniqueEmail("existing");
        String existingId = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "first_name": "Old",
                 "last_name": "Kept", "phone_numbers": [{"phone_number": "111", "kind": "home"}],
                 "create_source": "Account"}""".formatted(existing)))
                .json()
                .get("contact_id")
                .asString();
        String optedOut = uniqueEmail("optedout");
        String optedOutId = createContact(api, optedOut).get("contact_id").asString();
        api.put("/v3/contacts/" + optedOutId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(optedOut)));
        String fresh = uniqueEmail("fresh");

        String csv = "\uFEFFEmail,first_name,last_name,phone,home_phone,street,street2,city,zip,work_city,cf:"
                + fieldName + ",birthday_month,birthday_day,anniversary\r\n"
                + fresh + ",New,Person,555-0100,,1 Main St,Apt 2,Springfield,12345,Shelbyville,44,7,4,2020-05-06\r\n"
                + existing + ",Updated,,,222,,,,,,43,,,\r\n"
                + optedOut + ",Ignored,,,,,,,,,,,,\r\n"
                + fresh.toUpperCase(Locale.ROOT) + ",Twice,,,,,,,,,,,,\r\n"
                + uniqueEmail("badbirthday") + ",,,,,,,,,,,2,30,\r\n"
                + uniqueEmail("short") + ",Short\r\n"
                + "not an address,\"Smith, \"\"Jo\"\"\",,,,,,,,,,,,\r\n";
        JsonNode done = awaitCompleted(api, upload(api, csv, list));

        JsonNode status = done.get("status");
        assertThat(done.get("percent_done").asInt()).isEqualTo(100);
        assertThat(status.get("items_total_count").asInt()).isEqualTo(7);
        assertThat(status.get("items_completed_count").asInt()).isEqualTo(7);
        assertThat(status.get("person_count").asInt()).isEqualTo(2);
        assertThat(status.get("error_count").asInt()).isEqualTo(3);
        assertThat(status.get("correctable_count").asInt()).isEqualTo(3);
        assertThat(status.get("cannot_add_to_list_count").asInt()).isEqualTo(1);
        assertThat(status.get("list_count").asInt()).isEqualTo(1);

        Map<Integer, JsonNode> report = report(api, done.get("activity_id").asString());
        assertThat(report.get(1).get("outcome").asString()).isEqualTo("created");
        assertThat(report.get(2).get("outcome").asString()).isEqualTo("updated");
        assertThat(report.get(2).get("contact_id").asString()).isEqualTo(existingId);
        assertThat(report.get(3).get("outcome").asString()).isEqualTo("skipped");
        assertThat(report.get(3).get("reason").asString()).contains("opted out");
        assertThat(report.get(4).get("reason").asString()).isEqualTo("duplicate of row 1 in this import");
        assertThat(report.get(5).get("reason").asString()).contains("birthday_day 30 does not exist in month 2");
        assertThat(report.get(6).get("reason").asString()).contains("has 2 cells; the header names 14 columns");
        assertThat(report.get(7).get("outcome").asString()).isEqualTo("failed");

        String include = "?include=custom_fields,phone_numbers,street_addresses,list_memberships";
        JsonNode created = api.get("/v3/contacts?email=" + fresh + "&include=custom_fields,phone_numbers,"
                        + "street_addresses,list_memberships")
                .json()
                .get("contacts")
                .get(0);
        assertThat(created.get("first_name").asString()).isEqualTo("New");
        assertThat(created.get("email_address").get("permission_to_send").asString())
                .isEqualTo("implicit");
        assertThat(created.get("email_address").get("opt_in_source").asString()).isEqualTo("Account");
        assertThat(created.get("birthday_month").asInt()).isEqualTo(7);
        assertThat(created.get("anniversary").asString()).isEqualTo("2020-05-06");
        assertThat(created.get("phone_numbers").get(0).get("phone_number").asString())
                .isEqualTo("555-0100");
        assertThat(created.get("phone_numbers").get(0).get("kind").asString()).isEqualTo("other");
        assertThat(kinds(created.get("street_addresses"))).containsExactly("home", "work");
        assertThat(created.get("street_addresses").get(0).get("street").asString())
                .isEqualTo("1 Main St, Apt 2");
        assertThat(created.get("street_addresses").get(0).get("postal_code").asString())
                .isEqualTo("12345");
        assertThat(created.get("street_addresses").get(1).get("city").asString())
                .isEqualTo("Shelbyville");
        assertThat(created.get("custom_fields").get(0).get("value").asString()).isEqualTo("44");
        assertThat(created.get("list_memberships").toString()).contains(list);

        JsonNode updated = api.get("/v3/contacts/" + existingId + include).json();
        assertThat(updated.get("first_name").asString()).isEqualTo("Updated");
        assertThat(updated.get("last_name").asString())
                .as("a column left empty keeps the value")
                .isEqualTo("Kept");
        assertThat(updated.get("email_address").get("permission_to_send").asString())
                .as("an import never changes consent")
                .isEqualTo("explicit");
        assertThat(updated.get("phone_numbers")).hasSize(1);
        assertThat(updated.get("phone_numbers").get(0).get("phone_number").asString())
                .isEqualTo("222");
        assertThat(updated.get("custom_fields").get(0).get("value").asString()).isEqualTo("43");

        JsonNode notRevived = api.get("/v3/contacts/" + optedOutId + include).json();
        assertThat(notRevived.has("first_name"))
                .as("a person who opted out is not changed by an import")
                .isFalse();
        assertThat(notRevived.get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");
        assertThat(notRevived.get("list_memberships")).isEmpty();
    }

    @Test
    void cellsWithBackslashesQuotesAndCommasArriveExactly() {
        Api api = newAccount();
        String list = createList(api, "Odd cells");
        String email = uniqueEmail("odd");
        String company = "back\\slash, \"quoted\" \\N";
        String csv = "email,company_name\r\n" + email + ",\"" + company.replace("\"", "\"\"") + "\"\r\n";
        awaitCompleted(api, upload(api, csv, list));
        JsonNode contact =
                api.get("/v3/contacts?email=" + email).json().get("contacts").get(0);
        assertThat(contact.get("company_name").asString()).isEqualTo(company);
    }

    @Test
    void aFileThatCannotBeImportedIsRefusedWholeAndWritesNothing() {
        Api api = newAccount();
        String list = createList(api, "Refused");
        String good = uniqueEmail("good");
        Map<String, Api.Response> refused = new java.util.LinkedHashMap<>();
        refused.put("unknown column", upload(api, "email,favourite_food\n" + good + ",pie\n", list));
        refused.put("sms column", upload(api, "email,sms_number\n" + good + ",+15550100\n", list));
        refused.put("unknown custom field", upload(api, "email,cf:nothing_here\n" + good + ",x\n", list));
        refused.put("no email column", upload(api, "first_name\nAnn\n", list));
        refused.put("header only", upload(api, "email,first_name\n", list));
        refused.put("empty file", upload(api, "", list));
        refused.put("duplicate column", upload(api, "email,email\n" + good + "," + good + "\n", list));
        refused.put("unclosed quote", upload(api, "email,first_name\n" + good + ",\"Ann\n", list));
        refused.put(
                "a header that is not UTF-8",
                upload(api, ("email,f\u00e9e\n" + good + ",x\n").getBytes(StandardCharsets.ISO_8859_1), list));
        refused.put("no list_ids", upload(api, "email\n" + good + "\n", null));
        refused.put("bad list id", upload(api, "email\n" + good + "\n", "not-a-uuid"));
        refused.put(
                "too many lists",
                upload(api, "email\n" + good + "\n", String.join(",", java.util.Collections.nCopies(51, list))));
        refused.put(
                "no file part",
                api.raw(
                        "POST",
                        "/v3/activities/contacts_file_import",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        form(null, list)));
        refused.put(
                "not multipart",
                api.raw(
                        "POST",
                        "/v3/activities/contacts_file_import",
                        "text/csv",
                        ("email\n" + good + "\n").getBytes(StandardCharsets.UTF_8)));
        refused.put(
                "broken multipart",
                api.raw(
                        "POST",
                        "/v3/activities/contacts_file_import",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        "--nonsense".getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, Api.Response> answer : refused.entrySet()) {
            Api.Response response = answer.getValue();
            assertThat(response.status()).as(answer.getKey() + ": " + response).isIn(400, 415);
            assertThat(response.error().get("error_message").asString())
                    .as(answer.getKey())
                    .isNotBlank();
        }
        assertThat(refused.get("unknown column").error().get("error_message").asString())
                .contains("unknown column \"favourite_food\"");
        assertThat(refused.get("a header that is not UTF-8")
                        .error()
                        .get("error_message")
                        .asString())
                .contains("unknown column");

        Api.Response unknownList =
                upload(api, "email\n" + good + "\n", java.util.UUID.randomUUID().toString());
        assertThat(unknownList.status()).as(unknownList.toString()).isEqualTo(404);
        assertThat(api.get("/v3/activities").json().get("activities")).isEmpty();
        assertThat(api.get("/v3/contacts?status=all").json().get("contacts")).isEmpty();
    }

    @Test
    void importedPhonesJoinAContactsOwnAsASignUpsDoAndAFourthTakesThePlaceOfTheLast() {
        Api api = newAccount();
        String list = createList(api, "Phones");
        String full = uniqueEmail("three-phones");
        String fullId = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "phone_numbers": [
                  {"phone_number": "1", "kind": "home"}, {"phone_number": "2", "kind": "work"},
                  {"phone_number": "3", "kind": "mobile"}]}""".formatted(full)))
                .json()
                .get("contact_id")
                .asString();

        String csv = "email,home_phone,work_phone,mobile_phone,other_phone\r\n"
                + full + ",,2,,4\r\n"
                + uniqueEmail("four-phones") + ",5,6,7,8\r\n";
        JsonNode done = awaitCompleted(api, upload(api, csv, list));

        Map<Integer, JsonNode> report = report(api, done.get("activity_id").asString());
        assertThat(report.get(1).get("outcome").asString()).isEqualTo("updated");
        assertThat(report.get(2).get("outcome").asString()).isEqualTo("failed");
        assertThat(report.get(2).get("reason").asString())
                .isEqualTo("phone columns: a contact has at most 3 phone numbers, not 4");
        JsonNode phones = api.get("/v3/contacts/" + fullId + "?include=phone_numbers")
                .json()
                .get("phone_numbers");
        List<String> numbers = new ArrayList<>();
        phones.forEach(p -> numbers.add(
                p.get("phone_number").asString() + " " + p.get("kind").asString()));
        assertThat(numbers)
                .as("the number it has is left alone; the new kind takes the place of the last")
                .containsExactly("1 home", "2 work", "4 other");
    }

    private static List<String> kinds(JsonNode addresses) {
        List<String> kinds = new ArrayList<>();
        addresses.forEach(a -> kinds.add(a.get("kind").asString()));
        return kinds;
    }

    private static Map<Integer, JsonNode> report(Api api, String activity) {
        JsonNode rows = api.get("/v3/activities/" + activity + "/report").json().get("rows");
        return StreamSupport.stream(rows.spliterator(), false)
                .collect(Collectors.toMap(r -> r.get("number").asInt(), r -> r));
    }

    static Api.Response upload(Api api, String csv, String listIds) {
        return upload(api, csv.getBytes(StandardCharsets.UTF_8), listIds);
    }

    static Api.Response upload(Api api, byte[] csv, String listIds) {
        return api.raw(
                "POST",
                "/v3/activities/contacts_file_import",
                "multipart/form-data; boundary=" + BOUNDARY,
                form(csv, listIds));
    }

    private static byte[] form(byte[] csv, String listIds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (listIds != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"list_ids\"\r\n\r\n" + listIds
                            + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (csv != null) {
            out.writeBytes(
                    ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                                    + "Content-Type: text/csv\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(csv);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
