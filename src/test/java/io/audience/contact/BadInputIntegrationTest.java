package io.audience.contact;

import static io.audience.contact.BadBody.bad;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends, the answer is the vendor's error body with the right status, it names
 * the field at fault, and a refused request writes nothing (DESIGN.md section 5): bodies, ids, queries.
 */
class BadInputIntegrationTest extends BadInputSupport {

    // ---------------------------------------------------------------- bodies of POST and PUT /v3/contacts

    /** A contact with an address and a source, plus {@code extra} properties. */
    private static BadBody contact(String name, String extra, String field) {
        return bad(name, "{\"email_address\": {\"address\": \"$email\"}, $source, " + extra + "}", field);
    }

    static Stream<BadBody> badContactBodies() {
        String someUuid = UUID.randomUUID().toString();
        return Stream.of(
                // not a JSON object
                bad("truncated JSON", "{\"email_address\": {\"address\": \"$email\"}, $source", null),
                bad("trailing comma", "{\"email_address\": {\"address\": \"$email\"}, $source,}", null),
                bad("single-quoted JSON", "{'email_address': {'address': '$email'}, 'first_name': 'x', $source}", null),
                bad("form encoding sent as JSON", "email_address=$email&first_name=Jane", null),
                bad("an empty body", "", null),
                bad("JSON null", "null", null),
                bad(
                        "a JSON array instead of an object",
                        "[{\"email_address\": {\"address\": \"$email\"}, $source}]",
                        null),
                bad("a JSON string instead of an object", "\"$email\"", null),
                bad("a JSON number instead of an object", "42", null),
                bad(
                        "nesting 5000 levels deep",
                        "{\"email_address\": {\"address\": \"$email\"}, $source, \"deep\": " + "[".repeat(5000)
                                + "]".repeat(5000) + "}",
                        null),
                // wrong JSON types
                contact(
                        "birthday_month as a string",
                        "\"birthday_month\": \"5\", \"birthday_day\": 5",
                        "birthday_month"),
                contact(
                        "birthday_month as a decimal",
                        "\"birthday_month\": 5.5, \"birthday_day\": 5",
                        "birthday_month"),
                contact(
                        "birthday_month as a boolean",
                        "\"birthday_month\": true, \"birthday_day\": 5",
                        "birthday_month"),
                contact(
                        "birthday_day beyond any integer",
                        "\"birthday_month\": 5, \"birthday_day\": 99999999999999999999",
                        "birthday_day"),
                contact("first_name as a number", "\"first_name\": 12", "first_name"),
                contact("first_name as a boolean", "\"first_name\": true", "first_name"),
                contact("first_name as an object", "\"first_name\": {\"text\": \"Jane\"}", "first_name"),
                contact("first_name as an array", "\"first_name\": [\"Jane\"]", "first_name"),
                contact(
                        "list_memberships as an object",
                        "\"list_memberships\": {\"list_id\": \"" + someUuid + "\"}",
                        "list_memberships"),
                contact(
                        "list_memberships as a string",
                        "\"list_memberships\": \"" + someUuid + "\"",
                        "list_memberships"),
                contact("list_memberships holding a number", "\"list_memberships\": [1]", "list_memberships"),
                contact(
                        "phone_numbers as an object",
                        "\"phone_numbers\": {\"phone_number\": \"+1 555 0100\"}",
                        "phone_numbers"),
                contact("street_addresses as a string", "\"street_addresses\": \"1 Main St\"", "street_addresses"),
                bad("email_address as a string", "{\"email_address\": \"$email\", $source}", "email_address"),
                bad(
                        "email_address.address as a number",
                        "{\"email_address\": {\"address\": 42}, $source}",
                        "email_address.address"),
                bad(
                        "the source as a number",
                        "{\"email_address\": {\"address\": \"$email\"}, \"$sourceField\": 1}",
                        "$sourceField"),
                // invalid values
                bad(
                        "the source neither Account nor Contact",
                        "{\"email_address\": {\"address\": \"$email\"}, \"$sourceField\": \"Robot\"}",
                        "$sourceField"),
                bad(
                        "an unknown permission_to_send",
                        "{\"email_address\": {\"address\": \"$email\", \"permission_to_send\": \"maybe\"}, $source}",
                        "permission_to_send"),
                bad(
                        "email_address without address",
                        "{\"email_address\": {\"permission_to_send\": \"implicit\"}, \"first_name\": \"Jane\", $source}",
                        "email_address.address"),
                contact("birthday_month without birthday_day", "\"birthday_month\": 5", "birthday_day"),
                contact("birthday_day without birthday_month", "\"birthday_day\": 5", "birthday_month"),
                contact("a birthday on 2/30", "\"birthday_month\": 2, \"birthday_day\": 30", "birthday_day"),
                contact("birthday_month 13", "\"birthday_month\": 13, \"birthday_day\": 1", "birthday_month"),
                contact("birthday_day 0", "\"birthday_month\": 1, \"birthday_day\": 0", "birthday_day"),
                contact("an anniversary with dots", "\"anniversary\": \"2020.01.31\"", "anniversary"),
                contact("an anniversary day first", "\"anniversary\": \"31/12/2020\"", "anniversary"),
                contact("an anniversary that does not exist", "\"anniversary\": \"2021-02-29\"", "anniversary"),
                contact("an anniversary in words", "\"anniversary\": \"next Tuesday\"", "anniversary"),
                contact("an anniversary as a date-time", "\"anniversary\": \"2020-01-31T10:00:00Z\"", "anniversary"),
                contact("4 phone numbers", "\"phone_numbers\": " + phones(4), "phone_numbers"),
                contact(
                        "a phone number of an unknown kind",
                        "\"phone_numbers\": [{\"phone_number\": \"+1 555 0100\", \"kind\": \"fax\"}]",
                        "phone_numbers[0].kind"),
                contact(
                        "a phone number without a number",
                        "\"phone_numbers\": [{\"kind\": \"home\"}]",
                        "phone_numbers[0].phone_number"),
                contact(
                        "a phone number of 26 characters",
                        "\"phone_numbers\": [{\"phone_number\": \"" + "1".repeat(26) + "\", \"kind\": \"home\"}]",
                        "phone_numbers[0].phone_number"),
                contact("4 street addresses", "\"street_addresses\": " + addresses(4), "street_addresses"),
                contact(
                        "a street address without kind",
                        "\"street_addresses\": [{\"street\": \"1 Main St\"}]",
                        "street_addresses[0].kind"),
                contact("51 list ids", "\"list_memberships\": " + listIds(51), "list_memberships"),
                contact(
                        "a list id that is not a UUID",
                        "\"list_memberships\": [\"not-a-uuid\"]",
                        "list_memberships[0]"),
                contact("a first_name of 51 characters", "\"first_name\": \"" + "a".repeat(51) + "\"", "first_name"),
                contact("a last_name of 51 characters", "\"last_name\": \"" + "a".repeat(51) + "\"", "last_name"),
                contact("a job_title of 51 characters", "\"job_title\": \"" + "a".repeat(51) + "\"", "job_title"),
                contact(
                        "a company_name of 51 characters",
                        "\"company_name\": \"" + "a".repeat(51) + "\"",
                        "company_name"),
                contact("a first_name with a control character", "\"first_name\": \"Jane\\u0007\"", "first_name"),
                contact("a first_name with a NUL character", "\"first_name\": \"Ja\\u0000ne\"", "first_name"),
                contact("a note with a NUL character", "\"notes\": [{\"content\": \"a\\u0000b\"}]", "notes[0].content"),
                // well formed, but naming a list that does not exist
                new BadBody(
                        "a list id of no list",
                        "{\"email_address\": {\"address\": \"$email\"}, $source, " + "\"list_memberships\": [\""
                                + someUuid + "\"]}",
                        "list_memberships",
                        404,
                        NOT_FOUND));
    }

    static Stream<BadBody> badCreateOnlyBodies() {
        return Stream.of(
                bad(
                        "no create_source",
                        "{\"email_address\": {\"address\": \"$email\"}, \"first_name\": \"Jane\"}",
                        "create_source"),
                bad(
                        "create_source null",
                        "{\"email_address\": {\"address\": \"$email\"}, \"create_source\": null}",
                        "create_source"),
                bad("an empty object", "{}", "create_source"),
                bad(
                        "neither address nor name",
                        "{\"create_source\": \"Account\", \"job_title\": \"Boss\"}",
                        "email_address"));
    }

    static Stream<BadBody> badUpdateOnlyBodies() {
        return Stream.of(
                bad(
                        "no update_source",
                        "{\"email_address\": {\"address\": \"$email\"}, \"first_name\": \"Jane\"}",
                        "update_source"),
                bad(
                        "update_source null",
                        "{\"email_address\": {\"address\": \"$email\"}, \"update_source\": null}",
                        "update_source"),
                bad("an empty object", "{}", "update_source"),
                bad(
                        "create_source instead of update_source",
                        "{\"email_address\": {\"address\": \"$email\"}, \"create_source\": \"Account\"}",
                        "update_source"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badContactBodies", "badCreateOnlyBodies"})
    void createWithABadBodyIsRefusedAndWritesNothing(BadBody bad) {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.post("/v3/contacts", bad.body("create_source"));

        assertRefused(response, bad.status(), bad.key(), bad.field("create_source"));
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badContactBodies", "badUpdateOnlyBodies"})
    void updateWithABadBodyIsRefusedAndLeavesTheContactUnchanged(BadBody bad) {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.put("/v3/contacts/" + f.contactId, bad.body("update_source"));

        assertRefused(response, bad.status(), bad.key(), bad.field("update_source"));
        f.assertUnchanged(before);
    }

    @Test
    void unknownJsonPropertiesAreIgnored() {
        Fixture f = fixture();
        String email = uniqueEmail("unknown");
        Api.Response created = f.api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "colour": "blue"}, "first_name": "Jane", "create_source": "Account",
                 "favourite_colour": "blue", "nested": {"a": [1, {"b": null}]}, "_links": {"self": "x"}}
                """.formatted(email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("first_name").asString()).isEqualTo("Jane");
        assertThat(created.json().has("favourite_colour")).isFalse();
        String id = created.json().get("contact_id").asString();

        Api.Response updated = f.api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Janet", "update_source": "Account", "shoe_size": 38}
                """.formatted(email)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("first_name").asString()).isEqualTo("Janet");

        Api.Response signedUp =
                f.api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"], "referrer": "friend"}
                """.formatted(uniqueEmail("form"), f.listId)));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);

        Api.Response list = f.api.post("/v3/contact_lists", Api.json("""
                {"name": "Extra %s", "colour": "red"}
                """.formatted(UUID.randomUUID())));
        assertThat(list.status()).as(list.toString()).isEqualTo(201);
        assertThat(contactsCount(f.api)).isEqualTo(3);
    }
}
