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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** What the bad-input suites share: a fixture account, raw HTTP, and the checks of a refusal. */
abstract class BadInputSupport extends IntegrationTest {

    protected static final String VALIDATION = "contacts.api.validation.error";
    protected static final String NOT_FOUND = "contacts.api.not_found";
    protected static final String TOO_LARGE = "contacts.api.payload.too_large";
    protected static final String UNSUPPORTED = "contacts.api.unsupported_media_type";
    protected static final int LIMIT = 1024 * 1024;
    protected static final int OVERSIZE = LIMIT + LIMIT / 2;
    protected static final HttpClient HTTP_1_1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    // ---------------------------------------------------------------- helpers

    /** An account with one list and one contact on it, with a phone number and an address. */
    protected static final class Fixture {

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
            Api.Response lists =
                    api.get("/v3/contact_lists?status=all&include_count=true&include_membership_count=all");
            for (Api.Response r : List.of(contacts, contact, history, lists)) {
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            return String.join(
                    "\n", contacts.raw(), contact.raw(), contact.header("ETag").orElse(""), history.raw(), lists.raw());
        }

        void assertUnchanged(String before) {
            assertThat(contactsCount(api)).isEqualTo(countIn(before));
            assertThat(state()).isEqualTo(before);
        }

        private int countIn(String state) {
            return Api.JSON
                    .readTree(state.substring(0, state.indexOf('\n')))
                    .get("contacts_count")
                    .asInt();
        }
    }

    protected Fixture fixture() {
        return new Fixture(newAccount());
    }

    protected Fixture fixture(Api api) {
        return new Fixture(api);
    }

    protected record Account(Api api, String token) {}

    /** Like {@code newAccount()}, keeping the token for requests the {@link Api} client cannot make. */
    protected Account account() {
        Api.Response created =
                admin().post("/admin/accounts", Api.object().put("name", "Bad input " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("api_token").asString();
        return new Account(new Api(baseUrl(), token), token);
    }

    /** A request over HTTP/1.1, so that a body of unknown length goes chunked; contentType null sends none. */
    protected Api.Response send(
            String token,
            String method,
            String path,
            String contentType,
            HttpRequest.BodyPublisher body,
            String... headers) {
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
            HttpResponse<String> response =
                    HTTP_1_1.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            return fail("%s %s failed on the wire: %s", method, path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request} as it is and reads the answer, decoding a chunked body. */
    protected Api.Response rawHttp(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
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
            boolean chunked = headers.entrySet().stream()
                    .anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                            && e.getValue().stream().anyMatch(v -> v.equalsIgnoreCase("chunked")));
            if (chunked) {
                StringBuilder decoded = new StringBuilder();
                int at = 0;
                while (true) {
                    int lineEnd = body.indexOf("\r\n", at);
                    int size = Integer.parseInt(
                            body.substring(at, lineEnd).split(";")[0].strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    decoded.append(body, lineEnd + 2, lineEnd + 2 + size);
                    at = lineEnd + 2 + size + 2;
                }
                body = decoded.toString();
            }
            return new Api.Response(
                    status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    protected static HttpRequest.BodyPublisher publisher(byte[] body, boolean chunked) {
        return chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** A body that the endpoint would accept, to show that only the way it is sent is wrong. */
    protected static String validBody(String path, String listId) {
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
    protected static byte[] padded(String json, int size) {
        String head = json.substring(0, json.lastIndexOf('}')) + ", \"padding\": \"";
        String tail = "\"}";
        int padding = size - head.getBytes(StandardCharsets.UTF_8).length - tail.length();
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
    }

    protected static void assertRefused(Api.Response response, int status, String key, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as(response.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
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

    protected static int contactsCount(Api api) {
        Api.Response listing = api.get("/v3/contacts?status=all&include_count=true");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        return listing.json().get("contacts_count").asInt();
    }

    protected static List<String> lookup(Api api, String email) {
        Api.Response found = api.get("/v3/contacts?email=" + encode(email));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        found.json().get("contacts").forEach(c -> ids.add(c.get("contact_id").asString()));
        return ids;
    }

    protected static String cursorOf(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String href = page.json().get("_links").get("next").get("href").asString();
        return Stream.of(URI.create(href).getRawQuery().split("&"))
                .filter(p -> p.startsWith("cursor="))
                .map(p -> p.substring("cursor=".length()))
                .findFirst()
                .orElseThrow();
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    protected static String phones(int n) {
        return json(n, i -> "{\"phone_number\": \"+1 555 010" + i + "\", \"kind\": \"home\"}");
    }

    protected static String addresses(int n) {
        return json(n, i -> "{\"kind\": \"home\", \"street\": \"" + i + " Main St\"}");
    }

    protected static String listIds(int n) {
        return json(n, i -> "\"" + UUID.randomUUID() + "\"");
    }

    protected static String json(int n, Function<Integer, String> element) {
        return IntStream.range(0, n).mapToObj(element::apply).collect(Collectors.joining(", ", "[", "]"));
    }
}
