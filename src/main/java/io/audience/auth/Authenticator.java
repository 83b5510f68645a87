package io.audience.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Resolves presented tokens to callers. An API token's answer is remembered for at most {@code
 * audience.token-cache-ttl} (1 s), so that a busy token costs one lookup a second while a revoked
 * token, or one of a disabled account, is refused by every instance within that second. Unknown
 * tokens are never remembered.
 */
@Component
public class Authenticator {

    private final ApiTokens apiTokens;
    private final AccessTokens accessTokens;
    private final Cache<String, TokenCheck> known;

    Authenticator(
            ApiTokens apiTokens, AccessTokens accessTokens, @Value("${audience.token-cache-ttl:1s}") Duration ttl) {
        if (ttl.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalStateException("audience.token-cache-ttl is " + ttl + "; at most 2s, or a revoked token"
                    + " would be accepted for longer");
        }
        this.apiTokens = apiTokens;
        this.accessTokens = accessTokens;
        this.known =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    /** An OAuth access token is a JWT (three dot-separated parts); an API token has no dot. */
    public TokenCheck authenticate(String token) {
        if (token.indexOf('.') >= 0) {
            return accessTokens.authenticate(token);
        }
        String hash = Tokens.hash(token);
        TokenCheck cached = known.getIfPresent(hash);
        if (cached != null) {
            return cached;
        }
        TokenCheck found = apiTokens.authenticateHash(hash);
        if (!(found instanceof TokenCheck.Unknown)) {
            known.put(hash, found);
        }
        return found;
    }
}
