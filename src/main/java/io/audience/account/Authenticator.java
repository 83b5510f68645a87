package io.audience.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Resolves API tokens to callers, remembering valid ones briefly so that most requests need no
 * database round trip to authenticate. Unknown tokens are never remembered.
 */
@Component
public class Authenticator {

    private final AccountService accounts;
    private final BearerTokens accessTokens;
    private final Cache<String, Caller> known;

    Authenticator(AccountService accounts, BearerTokens accessTokens,
            @Value("${audience.token-cache-ttl:60s}") Duration ttl) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.known = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    /** An OAuth access token is a JWT (three dot-separated parts); an API token has no dot. */
    public Optional<Caller> authenticate(String token) {
        if (token.indexOf('.') >= 0) {
            return accessTokens.authenticate(token);
        }
        String hash = Tokens.hash(token);
        Caller cached = known.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> found = accounts.authenticateHash(hash);
        found.ifPresent(caller -> known.put(hash, caller));
        return found;
    }
}
