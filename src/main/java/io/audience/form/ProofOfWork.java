package io.audience.form;

import io.audience.identity.InstallationSecretRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ALTCHA proof-of-work protocol, served by us: a challenge is the SHA-256 of a salt and a
 * secret number below {@code maxnumber}, signed with the installation's key; the page's script
 * finds the number by trying them all (about a second in a browser), a program must pay the same
 * for every submission. The salt carries when it expires, the form it is for and when it was
 * issued, so the minimum fill time is measured by our clock, not the browser's.
 */
@Component
public class ProofOfWork {

    static final String ALGORITHM = "SHA-256";
    private static final String KEY = "form-challenge";
    private static final int PAYLOAD_MAX = 4_000;

    /** What the page's script fetches (the ALTCHA challenge's JSON). */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {}

    public enum Outcome {
        SOLVED,
        /** No solution at all: the page's script did not run (JavaScript off) or a program posted. */
        MISSING,
        INVALID,
        EXPIRED,
        OTHER_FORM,
        TOO_FAST
    }

    /** The check's outcome; a solved one names the challenge, to be spent once. */
    public record Checked(
            Outcome outcome,
            @Nullable String challenge,
            @Nullable Instant expiresAt) {

        static Checked refused(Outcome outcome) {
            return new Checked(outcome, null, null);
        }
    }

    private final InstallationSecretRepository secrets;
    private final JsonMapper json;
    private final Clock clock;
    private final long maxNumber;
    private final Duration lifetime;
    private final Duration minimumFillTime;
    private final SecureRandom random = new SecureRandom();

    ProofOfWork(
            InstallationSecretRepository secrets,
            JsonMapper json,
            Clock clock,
            @Value("${audience.forms.proof-of-work-max-number}") long maxNumber,
            @Value("${audience.forms.challenge-lifetime}") Duration lifetime,
            @Value("${audience.forms.minimum-fill-time}") Duration minimumFillTime) {
        if (maxNumber < 1) {
            throw new IllegalArgumentException("audience.forms.proof-of-work-max-number must be at least 1");
        }
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
        this.maxNumber = maxNumber;
        this.lifetime = lifetime;
        this.minimumFillTime = minimumFillTime;
    }

    public Duration minimumFillTime() {
        return minimumFillTime;
    }

    public Challenge challenge(UUID formId) {
        Instant now = clock.instant();
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String salt = HexFormat.of().formatHex(nonce) + "?expires="
                + now.plus(lifetime).getEpochSecond() + "&form=" + formId + "&issued=" + now.toEpochMilli();
        long number = random.nextLong(maxNumber + 1);
        String challenge = sha256(salt + number);
        return new Challenge(ALGORITHM, challenge, maxNumber, salt, signature(challenge));
    }

    /** Checks a submitted solution (the ALTCHA payload: base64 of its JSON) for {@code formId}. */
    public Checked check(@Nullable String payload, UUID formId) {
        if (payload == null || payload.isBlank()) {
            return Checked.refused(Outcome.MISSING);
        }
        if (payload.length() > PAYLOAD_MAX) {
            return Checked.refused(Outcome.INVALID);
        }
        JsonNode solution;
        try {
            solution = json.readTree(new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException notAPayload) {
            return Checked.refused(Outcome.INVALID);
        }
        String algorithm = text(solution, "algorithm");
        String challenge = text(solution, "challenge");
        String salt = text(solution, "salt");
        String signature = text(solution, "signature");
        JsonNode number = solution.get("number");
        if (!ALGORITHM.equals(algorithm)
                || challenge == null
                || salt == null
                || signature == null
                || number == null
                || !number.isIntegralNumber()
                || number.asLong() < 0
                || number.asLong() > maxNumber
                || !MessageDigest.isEqual(
                        signature.getBytes(StandardCharsets.UTF_8),
                        signature(challenge).getBytes(StandardCharsets.UTF_8))
                || !MessageDigest.isEqual(
                        challenge.getBytes(StandardCharsets.UTF_8),
                        sha256(salt + number.asLong()).getBytes(StandardCharsets.UTF_8))) {
            return Checked.refused(Outcome.INVALID);
        }
        // The signature covers the challenge, and the challenge the salt: its parameters are ours.
        Map<String, String> params = params(salt);
        Instant now = clock.instant();
        Instant expires;
        Instant issued;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(params.getOrDefault("expires", "")));
            issued = Instant.ofEpochMilli(Long.parseLong(params.getOrDefault("issued", "")));
        } catch (NumberFormatException notOurs) {
            return Checked.refused(Outcome.INVALID);
        }
        if (!now.isBefore(expires)) {
            return Checked.refused(Outcome.EXPIRED);
        }
        if (!formId.toString().equals(params.get("form"))) {
            return Checked.refused(Outcome.OTHER_FORM);
        }
        if (now.isBefore(issued.plus(minimumFillTime))) {
            return Checked.refused(Outcome.TOO_FAST);
        }
        return new Checked(Outcome.SOLVED, challenge, expires);
    }

    private String signature(String challenge) {
        return HexFormat.of().formatHex(secrets.hmac(KEY, challenge));
    }

    private static @Nullable String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static Map<String, String> params(String salt) {
        Map<String, String> params = new HashMap<>();
        int query = salt.indexOf('?');
        if (query < 0) {
            return params;
        }
        for (String pair : salt.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
