package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever a client sends, the answer is the vendor's error body with the right status, it names
 * the field at fault, and a refused request writes nothing (DESIGN.md section 5).
 */
class BadInputIntegrationTest extends IntegrationTest {

    private static final String VALIDATION = "contacts.api.validation.error";
    private static final String NOT_FOUND = "contacts.api.not_found";
    private static final String TOO_LARGE = "contacts.api.payload.too_large";
    private static final String UNSUPPORTED = "contacts.api.unsupported_media_type";
    private static final int LIMIT = 1024 * 1024;
    private static final int OVERSIZE = LIMIT + LIMIT / 2;
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    // ---------------------------------------------------------------- bodies of POST and PUT /v3/contacts

    /**
     * A bad body for POST or PUT /v3/contacts. In {@code body} and {@code field}, {@code $sourceField}
     * becomes create_source or update_source, {@code $source} that field set to Account, and
     * {@code $email} a fresh address, so that the body would write something if it were accepted.
     */
    record Bad(String name, String body, String field, int status, String key) {

        @Override
        public String toString() {
            return name;
        }

        String body(String sourceField) {
            return body.replace("$sourceField", sourceField)
                    .replace("$source", "\"" + sourceField + "\": \"Account\"")
                    .replace("$email", uniqueEmail("bad"));
        }

        String field(String sourceField) {
            return field == null ? null : field.replace("$sourceField", sourceField);
        }
    }

    private static Bad bad(String name, String body, String field) {
        return new Bad(name, body, field, 400, VALIDATION);
    }

    /** A contact with an address and a source, plus {@code extra} properties. */
    private static Bad contact(String name, String extra, String field) {
        return bad(name, "{\"email_address\": {\"address\": \"$email\"}, $source, " + extra + "}", field);
    }

    static Stream<Bad> badContactBodies() {
        String someUuid = UUID.randomUUID().toString();
        return Stream.of(
                // not a JSON object
                bad("truncated JSON", "{\"email_address\": {\"address\": \"$email\"}, $source", null),
                bad("trailing comma", "{\"email_address\": {\"address\": \"$email\"}, $source,}", null),
                bad("single-quoted JSON", "{'email_address': {'address': '$email'}, 'first_name': 'x', $source}", null),
                bad("form encoding sent as JSON", "email_address=$email&first_name=Jane", null),
                bad("an empty body", "", null),
                bad("JSON null", "null", null),
                bad("a JSON array instead of an object", "[{\"email_address\": {\"address\": \"$email\"}, $source}]", null),
                bad("a JSON string instead of an object", "\"$email\"", null),
                bad("a JSON number instead of an object", "42", null),
                bad("nesting 5000 levels deep", "{\"email_address\": {\"address\": \"$email\"}, $source, \"deep\": "
                        + "[".repeat(5000) + "]".repeat(5000) + "}", null),
                // wrong JSON types
                contact("birthday_month as a string", "\"birthday_month\": \"5\", \"birthday_day\": 5", "birthday_month"),
                contact("birthday_month as a decimal", "\"birthday_month\": 5.5, \"birthday_day\": 5", "birthday_month"),
                contact("birthday_month as a boolean", "\"birthday_month\": true, \"birthday_day\": 5", "birthday_month"),
                contact("birthday_day beyond any integer", "\"birthday_month\": 5, \"birthday_day\": 99999999999999999999",
                        "birthday_day"),
                contact("first_name as a number", "\"first_name\": 12", "first_name"),
                contact("first_name as a boolean", "\"first_name\": true", "first_name"),
                contact("first_name as an object", "\"first_name\": {\"text\": \"Jane\"}", "first_name"),
                contact("first_name as an array", "\"first_name\": [\"Jane\"]", "first_name"),
                contact("list_memberships as an object", "\"list_memberships\": {\"list_id\": \"" + someUuid + "\"}",
                        "list_memberships"),
                contact("list_memberships as a string", "\"list_memberships\": \"" + someUuid + "\"", "list_memberships"),
                contact("list_memberships holding a number", "\"list_memberships\": [1]", "list_memberships"),
                contact("phone_numbers as an object", "\"phone_numbers\": {\"phone_number\": \"+1 555 0100\"}",
                        "phone_numbers"),
                contact("street_addresses as a string", "\"street_addresses\": \"1 Main St\"", "street_addresses"),
                bad("email_address as a string", "{\"email_address\": \"$email\", $source}", "email_address"),
                bad("email_address.address as a number", "{\"email_address\": {\"address\": 42}, $source}",
                        "email_address.address"),
                bad("the source as a number", "{\"email_address\": {\"address\": \"$email\"}, \"$sourceField\": 1}",
                        "$sourceField"),
                // invalid values
                bad("the source neither Account nor Contact",
                        "{\"email_address\": {\"address\": \"$email\"}, \"$sourceField\": \"Robot\"}", "$sourceField"),
                bad("an unknown permission_to_send",
                        "{\"email_address\": {\"address\": \"$email\", \"permission_to_send\": \"maybe\"}, $source}",
                        "permission_to_send"),
                bad("email_address without address",
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
                contact("a phone number of an unknown kind",
                        "\"phone_numbers\": [{\"phone_number\": \"+1 555 0100\", \"kind\": \"fax\"}]", "phone_numbers[0].kind"),
                contact("a phone number without a number", "\"phone_numbers\": [{\"kind\": \"home\"}]",
                        "phone_numbers[0].phone_number"),
                contact("a phone number of 26 characters",
                        "\"phone_numbers\": [{\"phone_number\": \"" + "1".repeat(26) + "\", \"kind\": \"home\"}]",
                        "phone_numbers[0].phone_number"),
                contact("4 street addresses", "\"street_addresses\": " + addresses(4), "street_addresses"),
                contact("a street address without kind", "\"street_addresses\": [{\"street\": \"1 Main St\"}]",
                        "street_addresses[0].kind"),
                contact("51 list ids", "\"list_memberships\": " + listIds(51), "list_memberships"),
                contact("a list id that is not a UUID", "\"list_memberships\": [\"not-a-uuid\"]", "list_memberships[0]"),
                contact("a first_name of 51 characters", "\"first_name\": \"" + "a".repeat(51) + "\"", "first_name"),
                contact("a last_name of 51 characters", "\"last_name\": \"" + "a".repeat(51) + "\"", "last_name"),
                contact("a job_title of 51 characters", "\"job_title\": \"" + "a".repeat(51) + "\"", "job_title"),
                contact("a company_name of 51 characters", "\"company_name\": \"" + "a".repeat(51) + "\"", "company_name"),
                contact("a first_name with a control character", "\"first_name\": \"Jane\\u0007\"", "first_name"),
                contact("a first_name with a NUL character", "\"first_name\": \"Ja\\u0000ne\"", "first_name"),
                contact("a note with a NUL character", "\"notes\": [{\"content\": \"a\\u0000b\"}]", "notes[0].content"),
                // well formed, but naming a list that does not exist
                new Bad("a list id of no list", "{\"email_address\": {\"address\": \"$email\"}, $source, "
                        + "\"list_memberships\": [\"" + someUuid + "\"]}", "list_memberships", 404, NOT_FOUND));
    }

    static Stream<Bad> badCreateOnlyBodies() {
        return Stream.of(
                bad("no create_source", "{\"email_address\": {\"address\": \"$email\"}, \"first_name\": \"Jane\"}",
                        "create_source"),
                bad("create_source null",
                        "{\"email_address\": {\"address\": \"$email\"}, \"create_source\": null}", "create_source"),
                bad("an empty object", "{}", "create_source"),
                bad("neither address nor name", "{\"create_source\": \"Account\", \"job_title\": \"Boss\"}",
                        "email_address"));
    }

    static Stream<Bad> badUpdateOnlyBodies() {
        return Stream.of(
                bad("no update_source", "{\"email_address\": {\"address\": \"$email\"}, \"first_name\": \"Jane\"}",
                        "update_source"),
                bad("update_source null",
                        "{\"email_address\": {\"address\": \"$email\"}, \"update_source\": null}", "update_source"),
                bad("an empty object", "{}", "update_source"),
                bad("create_source instead of update_source",
                        "{\"email_address\": {\"address\": \"$email\"}, \"create_source\": \"Account\"}", "update_source"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badContactBodies", "badCreateOnlyBodies"})
    void createWithABadBodyIsRefusedAndWritesNothing(Bad bad) {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.post("/v3/contacts", bad.body("create_source"));

        assertRefused(response, bad.status(), bad.key(), bad.field("create_source"));
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badContactBodies", "badUpdateOnlyBodies"})
    void updateWithABadBodyIsRefusedAndLeavesTheContactUnchanged(Bad bad) {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.put("/v3/contacts/" + f.contactId, bad.body("update_source"));

        assertRefused(response, bad.status(), bad.key(), bad.field("update_source"));
        f.assertUnchanged(before);
    }

    // ---------------------------------------------------------------- sign-up form and lists

    static Stream<Bad> badSignUpBodies() {
        return Stream.of(
                bad("truncated JSON", "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"]", null),
                bad("a JSON array instead of an object", "[{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"]}]",
                        null),
                bad("no email_address", "{\"first_name\": \"Jane\", \"list_memberships\": [\"$list\"]}", "email_address"),
                bad("email_address as an object",
                        "{\"email_address\": {\"address\": \"$email\"}, \"list_memberships\": [\"$list\"]}", "email_address"),
                bad("an invalid email_address", "{\"email_address\": \"jane.example.com\", \"list_memberships\": [\"$list\"]}",
                        "email_address"),
                bad("no list_memberships", "{\"email_address\": \"$email\"}", "list_memberships"),
                bad("empty list_memberships", "{\"email_address\": \"$email\", \"list_memberships\": []}", "list_memberships"),
                bad("a list id that is not a UUID", "{\"email_address\": \"$email\", \"list_memberships\": [\"nope\"]}",
                        "list_memberships[0]"),
                bad("51 list ids", "{\"email_address\": \"$email\", \"list_memberships\": " + listIds(51) + "}",
                        "list_memberships"),
                bad("birthday_month without birthday_day",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], \"birthday_month\": 5}", "birthday_day"),
                bad("birthday_month as a string", "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], "
                        + "\"birthday_month\": \"5\", \"birthday_day\": 5}", "birthday_month"),
                bad("a phone_number of 26 characters", "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], "
                        + "\"phone_number\": \"" + "1".repeat(26) + "\"}", "phone_number"),
                bad("a street_address without kind", "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], "
                        + "\"street_address\": {\"street\": \"1 Main St\"}}", "street_address.kind"),
                bad("a first_name of 51 characters", "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], "
                        + "\"first_name\": \"" + "a".repeat(51) + "\"}", "first_name"),
                new Bad("a list id of no list", "{\"email_address\": \"$email\", \"list_memberships\": [\""
                        + UUID.randomUUID() + "\"]}", "list_memberships", 404, NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUpBodies")
    void signUpWithABadBodyIsRefusedAndWritesNothing(Bad bad) {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.post("/v3/contacts/sign_up_form", bad.body("create_source").replace("$list", f.listId));

        assertRefused(response, bad.status(), bad.key(), bad.field);
        f.assertUnchanged(before);
    }

    static Stream<Bad> badListBodies() {
        return Stream.of(
                bad("truncated JSON", "{\"name\": \"Renamed\"", null),
                bad("a JSON array instead of an object", "[{\"name\": \"Renamed\"}]", null),
                bad("no name", "{\"description\": \"no name\"}", "name"),
                bad("an empty name", "{\"name\": \"\"}", "name"),
                bad("a blank name", "{\"name\": \"   \"}", "name"),
                bad("a name of 256 characters", "{\"name\": \"" + "n".repeat(256) + "\"}", "name"),
                bad("name as a number", "{\"name\": 12}", "name"),
                bad("favorite as a string", "{\"name\": \"Renamed\", \"favorite\": \"yes\"}", "favorite"),
                bad("a name with a NUL character", "{\"name\": \"Bad\\u0000Name\"}", "name"),
                bad("a description with a NUL character", "{\"name\": \"Renamed\", \"description\": \"a\\u0000b\"}",
                        "description"),
                bad("a description of 2001 characters", "{\"name\": \"Renamed\", \"description\": \""
                        + "d".repeat(2001) + "\"}", "description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badListBodies")
    void listCreateWithABadBodyIsRefusedAndWritesNothing(Bad bad) {
        Fixture f = fixture();
        String before = f.state();

        assertRefused(f.api.post("/v3/contact_lists", bad.body), bad.status(), bad.key(), bad.field);

        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badListBodies")
    void listUpdateWithABadBodyIsRefusedAndLeavesTheListUnchanged(Bad bad) {
        Fixture f = fixture();
        String before = f.state();

        assertRefused(f.api.put("/v3/contact_lists/" + f.listId, bad.body), bad.status(), bad.key(), bad.field);

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

        Api.Response signedUp = f.api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"], "referrer": "friend"}
                """.formatted(uniqueEmail("form"), f.listId)));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);

        Api.Response list = f.api.post("/v3/contact_lists", Api.json("""
                {"name": "Extra %s", "colour": "red"}
                """.formatted(UUID.randomUUID())));
        assertThat(list.status()).as(list.toString()).isEqualTo(201);
        assertThat(contactsCount(f.api)).isEqualTo(3);
    }

    // ---------------------------------------------------------------- email addresses

    static Stream<String> invalidAddresses() {
        return Stream.of(
                "jane.example.com",
                "jane doe@example.com",
                "jane@exa mple.com",
                "jane..doe@example.com",
                "jane@example..com",
                ".jane@example.com",
                "jane.@example.com",
                "jane@localhost",
                "jane@-example.com",
                "jane@" + "a".repeat(40) + "." + "b".repeat(31) + ".com",
                "jane@[192.168.1.1]",
                "jane@192.168.1.1",
                "@example.com",
                "jane@",
                "jane@@example.com",
                "jane@exa_mple.com",
                "   ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void anInvalidAddressIsRefusedByCreate(String address) {
        Fixture f = fixture();
        String before = f.state();
        ObjectNode body = Api.object().put("create_source", "Account").put("first_name", "Jane");
        body.putObject("email_address").put("address", address);

        assertRefused(f.api.post("/v3/contacts", body), 400, VALIDATION, "email_address.address");
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void anInvalidAddressIsRefusedByUpdate(String address) {
        Fixture f = fixture();
        String before = f.state();
        ObjectNode body = Api.object().put("update_source", "Account").put("first_name", "Changed");
        body.putObject("email_address").put("address", address);

        assertRefused(f.api.put("/v3/contacts/" + f.contactId, body), 400, VALIDATION, "email_address.address");
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void anInvalidAddressIsRefusedBySignUpAndLookup(String address) {
        Fixture f = fixture();
        String before = f.state();
        ObjectNode body = Api.object().put("email_address", address);
        body.putArray("list_memberships").add(f.listId);

        assertRefused(f.api.post("/v3/contacts/sign_up_form", body), 400, VALIDATION, "email_address");
        if (!address.isBlank()) {
            assertRefused(f.api.get("/v3/contacts?email=" + encode(address)), 400, VALIDATION, "email");
        }
        f.assertUnchanged(before);
    }

    static Stream<String> unusualAddresses() {
        return Stream.of(
                "jose-%s@bücher.example",
                "josé.müller-%s@example.com",
                "用户-%s@例子.广告",
                "o'brien+news-%s@example.com",
                "x%s@" + "a".repeat(40) + "." + "b".repeat(25) + ".com");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualAddresses")
    void unusualButValidAddressesAreAcceptedAndFoundAgain(String pattern) {
        Api api = newAccount();
        String address = pattern.formatted(UUID.randomUUID().toString().substring(0, 8));
        assertThat(address.length()).isLessThanOrEqualTo(80);
        ObjectNode body = Api.object().put("create_source", "Account");
        body.putObject("email_address").put("address", address);

        Api.Response created = api.post("/v3/contacts", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("email_address").get("address").asString()).isEqualTo(address);
        String id = created.json().get("contact_id").asString();
        assertThat(lookup(api, address)).containsExactly(id);
        assertThat(lookup(api, address.toUpperCase(java.util.Locale.ROOT))).containsExactly(id);
    }

    @Test
    void anIdnDomainIsOneContactWithItsAsciiForm() {
        Api api = newAccount();
        String local = "jose-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s@bücher.example"}, "create_source": "Account"}
                """.formatted(local)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();
        assertThat(created.json().get("email_address").get("address").asString()).isEqualTo(local + "@bücher.example");

        assertThat(lookup(api, local + "@xn--bcher-kva.example")).containsExactly(id);
        assertThat(lookup(api, local.toUpperCase(java.util.Locale.ROOT) + "@BÜCHER.example")).containsExactly(id);

        Api.Response again = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s@xn--bcher-kva.example"}, "create_source": "Account"}
                """.formatted(local)));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.error().get("contact_id").asString()).isEqualTo(id);
        assertThat(contactsCount(api)).isEqualTo(1);
    }

    @Test
    void aUnicodeLocalPartIsOneContactWhateverItsNormalForm() {
        Api api = newAccount();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String composed = "jos\u00e9-" + suffix + "@example.com";
        String decomposed = "jose\u0301-" + suffix + "@example.com";
        assertThat(Normalizer.normalize(decomposed, Normalizer.Form.NFC)).isEqualTo(composed);
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(composed)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();

        assertThat(lookup(api, composed)).containsExactly(id);
        assertThat(lookup(api, decomposed)).containsExactly(id);
        ObjectNode again = Api.object().put("create_source", "Account");
        again.putObject("email_address").put("address", decomposed);
        Api.Response conflict = api.post("/v3/contacts", again);
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(contactsCount(api)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- ids in the path

    static Stream<Arguments> endpointsTakingAnId() {
        List<Arguments> cases = new ArrayList<>();
        String[][] endpoints = {
                {"GET", "/v3/contacts/%s", "list"},
                {"PUT", "/v3/contacts/%s", "list"},
                {"DELETE", "/v3/contacts/%s", "list"},
                {"GET", "/v3/contacts/%s/consent_history", "list"},
                {"GET", "/v3/contact_lists/%s", "contact"},
                {"PUT", "/v3/contact_lists/%s", "contact"},
                {"DELETE", "/v3/contact_lists/%s", "contact"},
                {"GET", "/v3/activities/%s", "contact"}};
        for (String[] endpoint : endpoints) {
            for (String id : List.of("not-a-uuid", "12345", "random", "RANDOM", "random+x", "other kind")) {
                cases.add(Arguments.of(endpoint[0], endpoint[1], endpoint[2], id));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with id {3}")
    @MethodSource("endpointsTakingAnId")
    void anIdThatNamesNothingInTheAccountIsNotFound(String method, String template, String otherKind, String idKind) {
        Fixture f = fixture();
        String random = UUID.randomUUID().toString();
        String id = switch (idKind) {
            case "random" -> random;
            case "RANDOM" -> random.toUpperCase(java.util.Locale.ROOT);
            case "random+x" -> random + "x";
            case "other kind" -> otherKind.equals("list") ? f.listId : f.contactId;
            default -> idKind;
        };
        String path = template.formatted(id);
        String before = f.state();

        Api.Response response = switch (method) {
            case "GET" -> f.api.get(path);
            case "DELETE" -> f.api.delete(path);
            default -> f.api.put(path, path.startsWith("/v3/contacts")
                    ? Api.json("""
                            {"email_address": {"address": "%s"}, "first_name": "X", "update_source": "Account"}
                            """.formatted(uniqueEmail("put")))
                    : Api.object().put("name", "Renamed"));
        };

        assertRefused(response, 404, NOT_FOUND, null);
        f.assertUnchanged(before);
    }

    // ---------------------------------------------------------------- query parameters

    static Stream<Arguments> badQueries() {
        String uuids26 = IntStream.range(0, 26).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        String notAUuidCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("contacts:not-a-uuid".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("/v3/contacts?cursor=!!!", "cursor"),
                Arguments.of("/v3/contacts?cursor=abc", "cursor"),
                Arguments.of("/v3/contacts?cursor=" + notAUuidCursor, "cursor"),
                Arguments.of("/v3/contacts?updated_after=yesterday", "updated_after"),
                Arguments.of("/v3/contacts?created_before=2022-13-45", "created_before"),
                Arguments.of("/v3/contacts?updated_before=2022-02-30", "updated_before"),
                Arguments.of("/v3/contacts?created_after=01/31/2022", "created_after"),
                Arguments.of("/v3/contacts?optout_after=2022-01-01T25:00:00Z", "optout_after"),
                Arguments.of("/v3/contacts?optout_before=0", "optout_before"),
                Arguments.of("/v3/contacts?limit=0", "limit"),
                Arguments.of("/v3/contacts?limit=501", "limit"),
                Arguments.of("/v3/contacts?limit=-1", "limit"),
                Arguments.of("/v3/contacts?limit=abc", "limit"),
                Arguments.of("/v3/contacts?limit=1.5", "limit"),
                Arguments.of("/v3/contacts?limit=99999999999", "limit"),
                Arguments.of("/v3/contacts?status=bogus", "status"),
                Arguments.of("/v3/contacts?status=active,bogus", "status"),
                Arguments.of("/v3/contacts?include=bogus", "include"),
                Arguments.of("/v3/contacts?include=list_memberships,bogus", "include"),
                Arguments.of("/v3/contacts?include_count=maybe", "include_count"),
                Arguments.of("/v3/contacts?lists=not-a-uuid", "lists"),
                Arguments.of("/v3/contacts?lists=" + uuids26, "lists"),
                Arguments.of("/v3/contacts?email=not-an-email", "email"),
                Arguments.of("/v3/contacts/$contact?include=bogus", "include"),
                Arguments.of("/v3/contacts/counts?include=bogus", "include"),
                Arguments.of("/v3/contact_lists?limit=0", "limit"),
                Arguments.of("/v3/contact_lists?limit=1001", "limit"),
                Arguments.of("/v3/contact_lists?status=bogus", "status"),
                Arguments.of("/v3/contact_lists?include_count=maybe", "include_count"),
                Arguments.of("/v3/contact_lists?include_membership_count=bogus", "include_membership_count"),
                Arguments.of("/v3/contact_lists?cursor=!!!", "cursor"),
                Arguments.of("/v3/contact_lists/$list?include_membership_count=bogus", "include_membership_count"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void aBadQueryParameterIsRefusedNamingIt(String path, String field) {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.get(path.replace("$contact", f.contactId).replace("$list", f.listId));

        assertRefused(response, 400, VALIDATION, field);
        f.assertUnchanged(before);
    }

    @Test
    void aCursorOfOneCollectionIsRefusedByTheOther() {
        Fixture f = fixture();
        createList(f.api, "Second");
        createContact(f.api, uniqueEmail("second"));
        String listCursor = cursorOf(f.api.get("/v3/contact_lists?limit=1"));
        String contactCursor = cursorOf(f.api.get("/v3/contacts?limit=1"));
        assertThat(f.api.get("/v3/contact_lists?limit=1&cursor=" + listCursor).status()).isEqualTo(200);
        assertThat(f.api.get("/v3/contacts?limit=1&cursor=" + contactCursor).status()).isEqualTo(200);

        assertRefused(f.api.get("/v3/contacts?limit=1&cursor=" + listCursor), 400, VALIDATION, "cursor");
        assertRefused(f.api.get("/v3/contact_lists?limit=1&cursor=" + contactCursor), 400, VALIDATION, "cursor");
    }

    // ---------------------------------------------------------------- content type and size

    static Stream<Arguments> wrongContentTypes() {
        return Stream.of(
                Arguments.of("POST", "/v3/contacts", "text/plain"),
                Arguments.of("POST", "/v3/contacts", "application/xml"),
                Arguments.of("POST", "/v3/contacts", "application/x-www-form-urlencoded"),
                Arguments.of("POST", "/v3/contacts", "multipart/form-data; boundary=xyz"),
                Arguments.of("POST", "/v3/contacts", "not a media type"),
                Arguments.of("POST", "/v3/contacts", null),
                Arguments.of("PUT", "/v3/contacts/$contact", "text/plain"),
                Arguments.of("PUT", "/v3/contacts/$contact", "application/x-www-form-urlencoded"),
                Arguments.of("PUT", "/v3/contacts/$contact", null),
                Arguments.of("POST", "/v3/contacts/sign_up_form", "text/plain"),
                Arguments.of("POST", "/v3/contacts/sign_up_form", "application/x-www-form-urlencoded"),
                Arguments.of("POST", "/v3/contact_lists", "text/plain"),
                Arguments.of("PUT", "/v3/contact_lists/$list", "text/plain"));
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("wrongContentTypes")
    void aBodyThatIsNotDeclaredJsonIsUnsupported(String method, String template, String contentType) {
        Account account = account();
        Fixture f = fixture(account.api());
        String before = f.state();
        String path = template.replace("$contact", f.contactId).replace("$list", f.listId);
        String body = validBody(path, f.listId);

        Api.Response response = send(account.token(), method, path, contentType,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

        assertRefused(response, 415, UNSUPPORTED, null);
        f.assertUnchanged(before);
        // the same body declared as JSON is fine, so the content type alone was at fault
        Api.Response asJson = send(account.token(), method, path, "application/json; charset=UTF-8",
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        assertThat(asJson.status()).as(asJson.toString()).isBetween(200, 201);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        Fixture f = fixture();
        String before = f.state();
        byte[] latin1 = """
                {"email_address": {"address": "jos\u00e9@example.com"}, "create_source": "Account"}
                """.getBytes(StandardCharsets.ISO_8859_1);

        Api.Response response = f.api.raw("POST", "/v3/contacts", "application/json", latin1);

        assertRefused(response, 400, VALIDATION, null);
        f.assertUnchanged(before);
    }

    static Stream<Arguments> oversizeRequests() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean chunked : List.of(false, true)) {
            cases.add(Arguments.of("POST", "/v3/contacts", chunked, false));
            cases.add(Arguments.of("PUT", "/v3/contacts/$contact", chunked, false));
            cases.add(Arguments.of("POST", "/v3/contacts/sign_up_form", chunked, false));
            cases.add(Arguments.of("POST", "/v3/contact_lists", chunked, false));
            cases.add(Arguments.of("POST", "/v3/contacts", chunked, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} chunked={2} idempotency key={3}")
    @MethodSource("oversizeRequests")
    void aBodyOverTheLimitIsTooLargeAndWritesNothing(String method, String template, boolean chunked,
            boolean idempotencyKey) {
        Account account = account();
        Fixture f = fixture(account.api());
        String before = f.state();
        String path = template.replace("$contact", f.contactId).replace("$list", f.listId);
        byte[] body = padded(validBody(path, f.listId), OVERSIZE);
        String[] headers = idempotencyKey ? new String[] {"Idempotency-Key", UUID.randomUUID().toString()} : new String[0];

        Api.Response response = send(account.token(), method, path, "application/json", publisher(body, chunked), headers);

        assertRefused(response, 413, TOO_LARGE, null);
        f.assertUnchanged(before);
        if (idempotencyKey) {
            // the refused request did not use up its key
            Api.Response retried = send(account.token(), method, path, "application/json",
                    HttpRequest.BodyPublishers.ofString(validBody(path, f.listId)), headers);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        }
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void aBodyJustUnderTheLimitIsAccepted(boolean chunked) {
        Account account = account();
        byte[] body = padded(validBody("/v3/contacts", null), LIMIT - 1024);

        Api.Response response = send(account.token(), "POST", "/v3/contacts", "application/json",
                publisher(body, chunked));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(contactsCount(account.api())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyOverItsLimitIsRefused() {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.post("/v3/contacts", validBody("/v3/contacts", null),
                "Idempotency-Key", "k".repeat(256));

        assertRefused(response, 400, VALIDATION, "Idempotency-Key");
        f.assertUnchanged(before);
    }

    static Stream<Arguments> queriesWithANulCharacter() {
        return Stream.of(
                Arguments.of("/v3/contacts?email=jane%00@example.com", "email"),
                Arguments.of("/v3/contacts?status=%00", "status"),
                Arguments.of("/v3/contacts?cursor=%00", "cursor"),
                Arguments.of("/v3/contacts?lists=%00", "lists"),
                Arguments.of("/v3/contact_lists?name=%00", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queriesWithANulCharacter")
    void aNulCharacterInAQueryIsNeverAServerError(String path, String field) {
        Fixture f = fixture();

        Api.Response response = f.api.get(path);

        if (field == null) {
            // no name can hold a NUL, so "no such list" is as right as a 400
            assertThat(response.status()).as(response.toString()).isIn(200, 400);
            if (response.status() == 200) {
                assertThat(response.json().get("lists")).isEmpty();
                return;
            }
        }
        assertRefused(response, 400, VALIDATION, field);
    }

    static Stream<Arguments> malformedRequestLines() {
        return Stream.of(
                Arguments.of("GET /v3/contacts?limit=%zz HTTP/1.1", 400),
                Arguments.of("GET /v3/contacts?email=%E9 HTTP/1.1", 400),
                Arguments.of("GET /v3/contacts/%zz HTTP/1.1", 400),
                Arguments.of("GET /v3/contacts/%C0%AE%C0%AE HTTP/1.1", 400));
    }

    /** Requests that no well-behaved client library can even send, written straight to the socket. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequestLines")
    void aRequestWithBrokenPercentEncodingGetsTheVendorErrorBody(String requestLine, int status) throws IOException {
        Account account = account();

        Api.Response response = rawHttp(requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + account.token()
                + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");

        assertRefused(response, status, VALIDATION, null);
    }

    @Test
    void aBadRequestThatAcceptsOnlyXmlIsStillNoServerError() {
        Fixture f = fixture();

        Api.Response response = f.api.raw("POST", "/v3/contacts", "application/json", "{\"first_name\": 12}"
                .getBytes(StandardCharsets.UTF_8), "Accept", "application/xml");

        assertThat(response.status()).as(response.toString()).isIn(400, 406);
        assertThat(contactsCount(f.api)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    /** An account with one list and one contact on it, with a phone number and an address. */
    private final class Fixture {

        final Api api;
        final String listId;
        final String contactId;

        Fixture(Api api) {
            this.api = api;
            this.listId = createList(api, "Members");
            Api.Response created = api.post("/v3/contacts", Api.json("""
                    {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "first_name": "Ada",
                     "last_name": "Lovelace", "birthday_month": 12, "birthday_day": 10, "anniversary": "2020-06-01",
                     "create_source": "Account", "list_memberships": ["%s"],
                     "phone_numbers": [{"phone_number": "+44 20 7946 0000", "kind": "home"}],
                     "street_addresses": [{"kind": "home", "street": "1 Main St", "city": "London", "country": "UK"}]}
                    """.formatted(uniqueEmail("ada"), listId)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            this.contactId = created.json().get("contact_id").asString();
        }

        /** Everything the account holds, as the API shows it. */
        String state() {
            Api.Response contacts = api.get("/v3/contacts?status=all&include_count=true&limit=500"
                    + "&include=list_memberships,phone_numbers,street_addresses,notes");
            Api.Response contact = api.get("/v3/contacts/" + contactId
                    + "?include=list_memberships,phone_numbers,street_addresses,notes,custom_fields,taggings");
            Api.Response history = api.get("/v3/contacts/" + contactId + "/consent_history");
            Api.Response lists = api.get("/v3/contact_lists?status=all&include_count=true&include_membership_count=all");
            for (Api.Response r : List.of(contacts, contact, history, lists)) {
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            return String.join("\n", contacts.raw(), contact.raw(), contact.header("ETag").orElse(""), history.raw(),
                    lists.raw());
        }

        void assertUnchanged(String before) {
            assertThat(contactsCount(api)).isEqualTo(countIn(before));
            assertThat(state()).isEqualTo(before);
        }

        private int countIn(String state) {
            return Api.JSON.readTree(state.substring(0, state.indexOf('\n'))).get("contacts_count").asInt();
        }
    }

    private Fixture fixture() {
        return new Fixture(newAccount());
    }

    private Fixture fixture(Api api) {
        return new Fixture(api);
    }

    private record Account(Api api, String token) {}

    /** Like {@code newAccount()}, keeping the token for requests the {@link Api} client cannot make. */
    private Account account() {
        Api.Response created = admin().post("/admin/accounts", Api.object().put("name", "Bad input " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("api_token").asString();
        return new Account(new Api(baseUrl(), token), token);
    }

    /** A request over HTTP/1.1, so that a body of unknown length goes chunked; contentType null sends none. */
    private Api.Response send(String token, String method, String path, String contentType,
            HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP_1_1.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            return fail("%s %s failed on the wire: %s", method, path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request} as it is and reads the answer, decoding a chunked body. */
    private Api.Response rawHttp(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            assertThat(headEnd).as(text).isPositive();
            String[] headLines = text.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(headLines[0].split(" ")[1]);
            java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (int i = 1; i < headLines.length; i++) {
                int colon = headLines[i].indexOf(':');
                headers.computeIfAbsent(headLines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(headLines[i].substring(colon + 1).strip());
            }
            String body = text.substring(headEnd + 4);
            boolean chunked = headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                    && e.getValue().stream().anyMatch(v -> v.equalsIgnoreCase("chunked")));
            if (chunked) {
                StringBuilder decoded = new StringBuilder();
                int at = 0;
                while (true) {
                    int lineEnd = body.indexOf("\r\n", at);
                    int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    decoded.append(body, lineEnd + 2, lineEnd + 2 + size);
                    at = lineEnd + 2 + size + 2;
                }
                body = decoded.toString();
            }
            return new Api.Response(status, headers,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    private static HttpRequest.BodyPublisher publisher(byte[] body, boolean chunked) {
        return chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** A body that the endpoint would accept, to show that only the way it is sent is wrong. */
    private static String validBody(String path, String listId) {
        if (path.startsWith("/v3/contact_lists")) {
            return "{\"name\": \"List " + UUID.randomUUID() + "\"}";
        }
        if (path.equals("/v3/contacts/sign_up_form")) {
            return "{\"email_address\": \"" + uniqueEmail("form") + "\", \"list_memberships\": [\"" + listId + "\"]}";
        }
        String source = path.equals("/v3/contacts") ? "create_source" : "update_source";
        return "{\"email_address\": {\"address\": \"" + uniqueEmail("valid") + "\"}, \"first_name\": \"Valid\", \""
                + source + "\": \"Account\"}";
    }

    /** {@code json} (an object) with an unknown property that brings it to {@code size} bytes. */
    private static byte[] padded(String json, int size) {
        String head = json.substring(0, json.lastIndexOf('}')) + ", \"padding\": \"";
        String tail = "\"}";
        int padding = size - head.getBytes(StandardCharsets.UTF_8).length - tail.length();
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(Api.Response response, int status, String key, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException e) {
            throw new AssertionError("The error body is not JSON: " + response, e);
        }
        assertThat(body.isArray()).as("an array: " + response).isTrue();
        assertThat(body.size()).as(response.toString()).isGreaterThanOrEqualTo(1);
        JsonNode error = body.get(0);
        assertThat(error.path("error_key").asString("")).as(response.toString()).isEqualTo(key);
        String message = error.path("error_message").asString("");
        assertThat(message).as(response.toString()).isNotBlank();
        if (field != null) {
            assertThat(message).as("names the field " + field + ": " + response).contains(field);
        }
    }

    private static int contactsCount(Api api) {
        Api.Response listing = api.get("/v3/contacts?status=all&include_count=true");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        return listing.json().get("contacts_count").asInt();
    }

    private static List<String> lookup(Api api, String email) {
        Api.Response found = api.get("/v3/contacts?email=" + encode(email));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        found.json().get("contacts").forEach(c -> ids.add(c.get("contact_id").asString()));
        return ids;
    }

    private static String cursorOf(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String href = page.json().get("_links").get("next").get("href").asString();
        return Stream.of(URI.create(href).getRawQuery().split("&"))
                .filter(p -> p.startsWith("cursor="))
                .map(p -> p.substring("cursor=".length()))
                .findFirst().orElseThrow();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String phones(int n) {
        return json(n, i -> "{\"phone_number\": \"+1 555 010" + i + "\", \"kind\": \"home\"}");
    }

    private static String addresses(int n) {
        return json(n, i -> "{\"kind\": \"home\", \"street\": \"" + i + " Main St\"}");
    }

    private static String listIds(int n) {
        return json(n, i -> "\"" + UUID.randomUUID() + "\"");
    }

    private static String json(int n, Function<Integer, String> element) {
        return IntStream.range(0, n).mapToObj(element::apply).collect(Collectors.joining(", ", "[", "]"));
    }
}
