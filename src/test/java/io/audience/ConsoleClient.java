package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: the console over plain HTTP with a cookie jar, for the checks that
 * need no rendering (tenant isolation, CSRF, roles). It remembers the CSRF token of the last page
 * it loaded and sends it with {@link #post}, as the page's forms do.
 */
public final class ConsoleClient {

    public static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final java.net.CookieHandler cookies;
    private String csrf = "";

    public record Page(int status, String body, HttpResponse<String> response) {

        public Optional<String> location() {
            return response.headers().firstValue("Location");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public ConsoleClient(String base) {
        this(base, new CookieManager());
    }

    private ConsoleClient(String base, java.net.CookieHandler cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A client that keeps a Secure cookie on plain http, as a browser behind a TLS-ending proxy
     * would see it over https: for a service configured with an https public URL.
     */
    public static ConsoleClient behindHttps(String base) {
        return new ConsoleClient(base, cookiesAsOverHttps());
    }

    /**
     * A cookie jar that keeps Secure cookies on plain http: the test's view of a service whose
     * public URL is https, reached through a proxy that ends TLS.
     */
    public static java.net.CookieHandler cookiesAsOverHttps() {
        CookieManager jar = new CookieManager();
        return new java.net.CookieHandler() {
            @Override
            public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
                    throws IOException {
                return jar.get(uri, headers);
            }

            @Override
            public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
                Map<String, java.util.List<String>> plain = new LinkedHashMap<>();
                headers.forEach((name, values) -> plain.put(
                        name,
                        name != null && name.equalsIgnoreCase("Set-Cookie")
                                ? values.stream()
                                        .map(v -> v.replace("; Secure", ""))
                                        .toList()
                                : values));
                jar.put(uri, plain);
            }
        };
    }

    /** A new user of the account with the role, made through the operator's API; returns the email. */
    public static String newUser(Api admin, String accountId, String role) {
        String email = "console-" + UUID.randomUUID() + "@people.example";
        Api.Response created =
                admin.post("/admin/accounts/" + accountId + "/users", Api.json("""
                {"email": "%s", "password": "%s", "role": "%s"}""".formatted(email, PASSWORD, role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    /** Signs in through the login form, as a person would; fails the test when sign-in is refused. */
    public ConsoleClient signIn(String email) {
        get("/login");
        Page done = post("/login", Map.of("username", email, "password", PASSWORD));
        assertThat(done.location().orElse("")).as(done.toString()).doesNotContain("error");
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token of the last page loaded. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        return postWithoutToken(path, fields);
    }

    /** Posts a form exactly as given: without the page's CSRF token unless it is among the fields. */
    public Page postWithoutToken(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** An htmx request (HX-Request, the token as a header). */
    public Page htmx(String method, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a raw body (a multipart upload, say) exactly as given: the caller puts the token where it belongs. */
    public Page postBody(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The Cookie header this client sends, for a request the HTTP client refuses to build (a raw socket's). */
    public String cookieHeader() {
        try {
            return String.join(
                    "; ",
                    cookies.get(URI.create(base + "/console"), Map.of()).getOrDefault("Cookie", java.util.List.of()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String csrfToken() {
        return csrf;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher meta = CSRF.matcher(response.body());
            Matcher hidden = HIDDEN_CSRF.matcher(response.body());
            if (meta.find()) {
                csrf = meta.group(1);
            } else if (hidden.find()) {
                csrf = hidden.group(1);
            }
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
