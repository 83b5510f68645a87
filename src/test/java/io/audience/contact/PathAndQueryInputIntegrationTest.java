package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ids in the path and query parameters: a bad one is refused by name, an unknown one is a 404. */
class PathAndQueryInputIntegrationTest extends BadInputSupport {

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
            {"GET", "/v3/activities/%s", "contact"}
        };
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
            default ->
                f.api.put(
                        path,
                        path.startsWith("/v3/contacts")
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
        String uuids26 = IntStream.range(0, 26)
                .mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.joining(","));
        String notAUuidCursor = Base64.getUrlEncoder()
                .withoutPadding()
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
        assertThat(f.api.get("/v3/contact_lists?limit=1&cursor=" + listCursor).status())
                .isEqualTo(200);
        assertThat(f.api.get("/v3/contacts?limit=1&cursor=" + contactCursor).status())
                .isEqualTo(200);

        assertRefused(f.api.get("/v3/contacts?limit=1&cursor=" + listCursor), 400, VALIDATION, "cursor");
        assertRefused(f.api.get("/v3/contact_lists?limit=1&cursor=" + contactCursor), 400, VALIDATION, "cursor");
    }
}
