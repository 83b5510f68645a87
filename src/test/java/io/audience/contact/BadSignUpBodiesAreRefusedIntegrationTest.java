package io.audience.contact;

import static io.audience.contact.BadBody.bad;

import io.audience.Api;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad body for the sign-up form is refused with the field at fault named, and writes nothing. */
class BadSignUpBodiesAreRefusedIntegrationTest extends BadInputSupport {

    static Stream<BadBody> badSignUpBodies() {
        return Stream.of(
                bad("truncated JSON", "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"]", null),
                bad(
                        "a JSON array instead of an object",
                        "[{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"]}]",
                        null),
                bad(
                        "no email_address",
                        "{\"first_name\": \"Jane\", \"list_memberships\": [\"$list\"]}",
                        "email_address"),
                bad(
                        "email_address as an object",
                        "{\"email_address\": {\"address\": \"$email\"}, \"list_memberships\": [\"$list\"]}",
                        "email_address"),
                bad(
                        "an invalid email_address",
                        "{\"email_address\": \"jane.example.com\", \"list_memberships\": [\"$list\"]}",
                        "email_address"),
                bad("no list_memberships", "{\"email_address\": \"$email\"}", "list_memberships"),
                bad(
                        "empty list_memberships",
                        "{\"email_address\": \"$email\", \"list_memberships\": []}",
                        "list_memberships"),
                bad(
                        "a list id that is not a UUID",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"nope\"]}",
                        "list_memberships[0]"),
                bad(
                        "51 list ids",
                        "{\"email_address\": \"$email\", \"list_memberships\": " + listIds(51) + "}",
                        "list_memberships"),
                bad(
                        "birthday_month without birthday_day",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], \"birthday_month\": 5}",
                        "birthday_day"),
                bad(
                        "birthday_month as a string",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], "
                                + "\"birthday_month\": \"5\", \"birthday_day\": 5}",
                        "birthday_month"),
                bad(
                        "a phone_number of 26 characters",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], " + "\"phone_number\": \""
                                + "1".repeat(26) + "\"}",
                        "phone_number"),
                bad(
                        "a street_address without kind",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], "
                                + "\"street_address\": {\"street\": \"1 Main St\"}}",
                        "street_address.kind"),
                bad(
                        "a first_name of 51 characters",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], " + "\"first_name\": \""
                                + "a".repeat(51) + "\"}",
                        "first_name"),
                bad("consent without ip", consent("\"user_agent\": \"Firefox\""), "consent.ip"),
                bad("consent without user_agent", consent("\"ip\": \"203.0.113.9\""), "consent.user_agent"),
                bad("consent.ip out of range", consent(PERSON.replace("203.0.113.9", "999.1.1.1")), "consent.ip"),
                bad("consent.ip a host name", consent(PERSON.replace("203.0.113.9", "localhost")), "consent.ip"),
                bad("consent.ip with a zone", consent(PERSON.replace("203.0.113.9", "fe80::1%eth0")), "consent.ip"),
                bad("consent.ip as a number", consent(PERSON.replace("\"203.0.113.9\"", "5")), "consent.ip"),
                bad(
                        "consent.user_agent of 513 characters",
                        consent(PERSON.replace("Firefox", "f".repeat(513))),
                        "consent.user_agent"),
                bad(
                        "consent.consent_text of 10,001 characters",
                        consent(PERSON + ", \"consent_text\": \"" + "w".repeat(10_001) + "\""),
                        "consent.consent_text"),
                bad(
                        "consent.consent_text with a NUL",
                        consent(PERSON + ", \"consent_text\": \"yes\\u0000please\""),
                        "consent.consent_text"),
                bad(
                        "consent.page_url a script",
                        consent(PERSON + ", \"page_url\": \"javascript:alert(1)\""),
                        "consent.page_url"),
                bad("consent.page_url relative", consent(PERSON + ", \"page_url\": \"/join\""), "consent.page_url"),
                bad(
                        "consent as a string",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], \"consent\": \"yes\"}",
                        "consent"),
                new BadBody(
                        "a list id of no list",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"" + UUID.randomUUID() + "\"]}",
                        "list_memberships",
                        404,
                        NOT_FOUND),
                // The live list's membership is written in the statement that finds the other missing:
                // the transaction takes it back.
                new BadBody(
                        "a live list and a list id of no list",
                        "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\", \"" + UUID.randomUUID()
                                + "\"]}",
                        "list_memberships",
                        404,
                        NOT_FOUND));
    }

    private static final String PERSON = "\"ip\": \"203.0.113.9\", \"user_agent\": \"Firefox\"";

    private static String consent(String fields) {
        return "{\"email_address\": \"$email\", \"list_memberships\": [\"$list\"], \"consent\": {" + fields + "}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUpBodies")
    void signUpWithABadBodyIsRefusedAndWritesNothing(BadBody bad) {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response = f.api.post(
                "/v3/contacts/sign_up_form", bad.body("create_source").replace("$list", f.listId));

        assertRefused(response, bad.status(), bad.key(), bad.field());
        f.assertUnchanged(before);
    }
}
