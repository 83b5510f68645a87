package io.audience.contact;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad body for POST or PUT /v3/contact_lists is refused, names the field at fault, and writes nothing. */
class BadListBodiesAreRefusedIntegrationTest extends BadInputSupport {

    /** Each a 400 in the validation format, naming {@code field} (none when the body is no JSON object). */
    private static Arguments bad(String name, String body, String field) {
        return Arguments.of(name, body, field);
    }

    static Stream<Arguments> badListBodies() {
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
                bad(
                        "a description with a NUL character",
                        "{\"name\": \"Renamed\", \"description\": \"a\\u0000b\"}",
                        "description"),
                bad(
                        "a description of 2001 characters",
                        "{\"name\": \"Renamed\", \"description\": \"" + "d".repeat(2001) + "\"}",
                        "description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badListBodies")
    void listCreateWithABadBodyIsRefusedAndWritesNothing(String name, String body, String field) {
        Fixture f = fixture();
        String before = f.state();

        assertRefused(f.api.post("/v3/contact_lists", body), 400, VALIDATION, field);

        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badListBodies")
    void listUpdateWithABadBodyIsRefusedAndLeavesTheListUnchanged(String name, String body, String field) {
        Fixture f = fixture();
        String before = f.state();

        assertRefused(f.api.put("/v3/contact_lists/" + f.listId, body), 400, VALIDATION, field);

        f.assertUnchanged(before);
    }
}
