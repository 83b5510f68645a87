package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Content types, encodings, sizes and malformed requests: refused in the error format, nothing written. */
class TransportInputIntegrationTest extends BadInputSupport {

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

        Api.Response response = send(
                account.token(),
                method,
                path,
                contentType,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

        assertRefused(response, 415, UNSUPPORTED, null);
        f.assertUnchanged(before);
        // the same body declared as JSON is fine, so the content type alone was at fault
        Api.Response asJson = send(
                account.token(),
                method,
                path,
                "application/json; charset=UTF-8",
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
    void aBodyOverTheLimitIsTooLargeAndWritesNothing(
            String method, String template, boolean chunked, boolean idempotencyKey) {
        Account account = account();
        Fixture f = fixture(account.api());
        String before = f.state();
        String path = template.replace("$contact", f.contactId).replace("$list", f.listId);
        byte[] body = padded(validBody(path, f.listId), OVERSIZE);
        String[] headers = idempotencyKey
                ? new String[] {"Idempotency-Key", UUID.randomUUID().toString()}
                : new String[0];

        Api.Response response =
                send(account.token(), method, path, "application/json", publisher(body, chunked), headers);

        assertRefused(response, 413, TOO_LARGE, null);
        f.assertUnchanged(before);
        if (idempotencyKey) {
            // the refused request did not use up its key
            Api.Response retried = send(
                    account.token(),
                    method,
                    path,
                    "application/json",
                    HttpRequest.BodyPublishers.ofString(validBody(path, f.listId)),
                    headers);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        }
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void aBodyJustUnderTheLimitIsAccepted(boolean chunked) {
        Account account = account();
        byte[] body = padded(validBody("/v3/contacts", null), LIMIT - 1024);

        Api.Response response =
                send(account.token(), "POST", "/v3/contacts", "application/json", publisher(body, chunked));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(contactsCount(account.api())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyOverItsLimitIsRefused() {
        Fixture f = fixture();
        String before = f.state();

        Api.Response response =
                f.api.post("/v3/contacts", validBody("/v3/contacts", null), "Idempotency-Key", "k".repeat(256));

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

        Api.Response response = f.api.raw(
                "POST",
                "/v3/contacts",
                "application/json",
                "{\"first_name\": 12}".getBytes(StandardCharsets.UTF_8),
                "Accept",
                "application/xml");

        assertThat(response.status()).as(response.toString()).isIn(400, 406);
        assertThat(contactsCount(f.api)).isEqualTo(1);
    }
}
