package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A registered app and a person's browser, over plain HTTP: the browser keeps the server's session
 * cookie, fills the login and consent forms as a person would, and hands the app the code from the
 * redirect, which the app exchanges at the token endpoint.
 */
public final class OAuthApp {

    public static final String REDIRECT = "http://127.0.0.1:9/callback";
    /** The password {@link #newUser} gives every user. */
    public static final String PASSWORD = "correct horse battery";

    public final String base;
    public final String clientId;
    public final String secret;
    private HttpClient browser = newBrowser();

    public OAuthApp(String base, String clientId, String secret) {
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** Registers an app for the account through the admin API. */
    public static OAuthApp register(String base, Api admin, String accountId, boolean isPublic) {
        Api.Response created = admin.post(
                "/admin/accounts/" + accountId + "/oauth_clients", Api.json("""
                {"name": "Test app", "redirect_uris": ["%s"], "public": %s}""".formatted(REDIRECT, isPublic)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new OAuthApp(
                base,
                created.json().get("client_id").asString(),
                isPublic ? null : created.json().get("client_secret").asString());
    }

    public static String newUser(Api admin, String accountId, String role) {
        String email = "user-" + UUID.randomUUID() + "@people.example";
        Api.Response created =
                admin.post("/admin/accounts/" + accountId + "/users", Api.json("""
                {"email": "%s", "password": "%s", "role": "%s"}""".formatted(email, PASSWORD, role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    public static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh browser: no session, as a person on another computer. */
    public void forgetSession() {
        browser = newBrowser();
    }

    public String authorizeUrl(String scope, String verifier, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", REDIRECT);
        query.put("scope", scope);
        query.put("state", state);
        if (verifier != null) {
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        return base + "/oauth2/authorize?" + form(query);
    }

    /** Signs in (if the session has not), consents to every scope asked, and answers the redirect. */
    public URI signInAndConsent(String email, String password, String scope, String verifier) {
        HttpResponse<String> page = get(authorizeUrl(scope, verifier, "st-" + UUID.randomUUID()));
        if (page.statusCode() == 302 && location(page).getPath().equals("/login")) {
            HttpResponse<String> login = get(location(page).toString());
            HttpResponse<String> signedIn = post(
                    base + "/login",
                    Map.of("username", email, "password", password, "_csrf", hidden(login.body(), "_csrf")));
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            assertThat(location(signedIn).getQuery()).as("signed in").doesNotContain("error");
            page = get(location(signedIn).toString());
        }
        if (page.statusCode() == 302 && location(page).getPath().equals("/oauth2/consent")) {
            page = get(base + location(page).getRawPath() + "?" + location(page).getRawQuery());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        }
        if (page.statusCode() == 200) {
            Map<String, String> consent = new LinkedHashMap<>();
            consent.put("client_id", clientId);
            consent.put("state", hidden(page.body(), "state"));
            Optional.ofNullable(hiddenOrNull(page.body(), "_csrf")).ifPresent(csrf -> consent.put("_csrf", csrf));
            String scopes = scopesOffered(page.body()).stream()
                    .map(s -> "scope=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            page = post(base + "/oauth2/authorize", consent, scopes);
        }
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        return location(page);
    }

    /** A fresh browser starts the flow and signs in: where the login form sends it (on, or back to /login?error). */
    public String signIn(String email, String password) {
        forgetSession();
        get(authorizeUrl("contact_data", verifier(), "s"));
        HttpResponse<String> login = get(base + "/login");
        return location(post(
                        base + "/login",
                        Map.of("username", email, "password", password, "_csrf", hidden(login.body(), "_csrf"))))
                .toString();
    }

    /** The whole flow for a user of the app's account: sign-in, consent, PKCE, code exchange. */
    public JsonNode tokens(String email, String scope) {
        String verifier = verifier();
        Api.Response tokens = exchange(code(signInAndConsent(email, PASSWORD, scope, verifier)), verifier);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens.json();
    }

    public String code(URI redirect) {
        Map<String, String> query = query(redirect);
        assertThat(query).as(redirect.toString()).containsKey("code");
        return query.get("code");
    }

    public Api.Response exchange(String code, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", REDIRECT);
        if (verifier != null) {
            body.put("code_verifier", verifier);
        }
        return token(body);
    }

    public Api.Response refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public Api.Response revoke(String token) {
        return call("/oauth2/revoke", Map.of("token", token), secret);
    }

    public Api.Response token(Map<String, String> body) {
        return call("/oauth2/token", body, secret);
    }

    /** A public app sends its client_id in the body; a confidential one authenticates with Basic. */
    public Api.Response call(String path, Map<String, String> body, String withSecret) {
        Map<String, String> form = new LinkedHashMap<>(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (withSecret == null) {
            form.put("client_id", clientId);
        } else {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((clientId + ":" + withSecret).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response =
                send(HttpClient.newHttpClient(), request.POST(HttpRequest.BodyPublishers.ofString(form(form))));
        return new Api.Response(response.statusCode(), response.headers().map(), response.body());
    }

    public HttpResponse<String> get(String url) {
        return send(
                browser,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .GET());
    }

    public HttpResponse<String> post(String url, Map<String, String> fields, String... extra) {
        String body = form(fields) + (extra.length > 0 && !extra[0].isEmpty() ? "&" + extra[0] : "");
        return send(
                browser,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static URI location(HttpResponse<?> response) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return URI.create(location);
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String hidden(String html, String name) {
        String value = hiddenOrNull(html, name);
        assertThat(value).as("a form field " + name + " in " + html).isNotNull();
        return value;
    }

    private static String hiddenOrNull(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(html);
        return m.find() ? m.group(1).replace("&#x3D;", "=").replace("&amp;", "&") : null;
    }

    private static List<String> scopesOffered(String html) {
        Matcher m = Pattern.compile("name=\"scope\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"scope\"")
                .matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder()
                // An instance whose public URL is https marks its session cookie Secure; a browser
                // behind the TLS-ending proxy would send it back, so this client does too.
                .cookieHandler(io.audience.ConsoleClient.cookiesAsOverHttps())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
