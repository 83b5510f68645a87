package io.audience.webhook;

import io.audience.identity.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** Signing secrets as Standard Webhooks write them ({@code whsec_} and 32 random bytes), kept sealed. */
@Component
class WebhookSecrets {

    static final String CONTEXT = "webhook secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey masterKey;

    WebhookSecrets(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    String seal(String secret) {
        return masterKey.seal(secret.getBytes(StandardCharsets.UTF_8), CONTEXT);
    }
}
