package io.audience.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A person (or a program) posting to a hosted form over HTTP, solving its challenge as the page's script does. */
final class FormClient {

    static final String USER_AGENT = "FormClient/1.0 (integration test)";

    private final Api anonymous;
    private final String formId;
    private final String address;

    /** {@code address}: the network address to post as (X-Forwarded-For, from a trusted proxy). */
    FormClient(String baseUrl, String formId, String address) {
        this.anonymous = new Api(baseUrl, null);
        this.formId = formId;
        this.address = address;
    }

    JsonNode challenge() {
        Api.Response response = anonymous.get("/forms/" + formId + "/challenge", "X-Forwarded-For", address);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The ALTCHA payload: the number found by trying each, as the browser does. */
    static String solve(JsonNode challenge) {
        String salt = challenge.get("salt").asString();
        String target = challenge.get("challenge").asString();
        for (long n = 0; n <= challenge.get("maxnumber").asLong(); n++) {
            if (sha256(salt + n).equals(target)) {
                ObjectNode payload = Api.object()
                        .put("algorithm", challenge.get("algorithm").asString())
                        .put("challenge", target)
                        .put("number", n)
                        .put("salt", salt)
                        .put("signature", challenge.get("signature").asString());
                return Base64.getEncoder()
                        .encodeToString(Api.JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no number solves " + challenge);
    }

    /** A solution ready to post: fetched, solved and aged past the minimum fill time (1 s in tests). */
    String solvedAndWaited() {
        String solution = solve(challenge());
        pause(1_100);
        return solution;
    }

    /** The person's usual post: email, consent ticked, honeypot empty, a solution. */
    Map<String, String> post(String email) {
        Map<String, String> fields = postNotWaited(email);
        pause(1_100);
        return fields;
    }

    /** The same post, solved but not yet past the minimum fill time: for many posts that wait once together. */
    Map<String, String> postNotWaited(String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email_address", email);
        fields.put("consent", "yes");
        fields.put("leave_this_empty", "");
        fields.put("page_url", "https://shop.example/newsletter");
        fields.put("altcha", solve(challenge()));
        return fields;
    }

    Api.Response send(Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String[] all = new String[headers.length + 6];
        all[0] = "X-Forwarded-For";
        all[1] = address;
        all[2] = "User-Agent";
        all[3] = USER_AGENT;
        all[4] = "Accept";
        all[5] = "text/html";
        System.arraycopy(headers, 0, all, 6, headers.length);
        return anonymous.raw(
                "POST",
                "/forms/" + formId,
                "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8),
                all);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
