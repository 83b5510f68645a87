package io.audience.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.audience.api.Caller;
import io.audience.api.Privileges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts this server's JWT access tokens: signed by one of its keys, not expired, and of a grant
 * that still stands (not revoked, nor removed after a refresh token was reused), checked at every
 * request with the user's current role. A token's signature is checked once and remembered (it
 * cannot change); its expiry and its grant are checked every time.
 */
@Component
class AccessTokens {

    private record Verified(
            UUID accountId,
            UUID userId,
            String grantId,
            String tokenId,
            String clientId,
            Set<String> scopes,
            Instant expiresAt) {}

    private final JwtDecoder decoder;
    private final GrantCheckRepository grants;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private final Clock clock;

    AccessTokens(JwtDecoder decoder, GrantCheckRepository grants, Clock clock) {
        this.decoder = decoder;
        this.grants = grants;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TokenCheck authenticate(String token) {
        Verified jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = verify(token).orElse(null);
            if (jwt == null) {
                return TokenCheck.UNKNOWN;
            }
            verified.put(token, jwt);
        }
        if (!clock.instant().isBefore(jwt.expiresAt())) {
            verified.invalidate(token);
            return TokenCheck.UNKNOWN;
        }
        Verified caller = jwt;
        return grants.standing(jwt.grantId(), jwt.tokenId(), jwt.accountId(), jwt.userId())
                .<TokenCheck>map(standing -> standing.accountDisabledAt() != null
                        ? new TokenCheck.AccountDisabled(caller.accountId())
                        : new TokenCheck.Valid(new Caller(
                                caller.accountId(),
                                "oauth:" + caller.clientId() + ":user:" + caller.userId(),
                                "oauth_grant:" + caller.grantId(),
                                caller.clientId(),
                                caller.scopes(),
                                Privileges.BY_ROLE.getOrDefault(standing.role(), Set.of()))))
                .orElse(TokenCheck.UNKNOWN);
    }

    private Optional<Verified> verify(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalid) {
            return Optional.empty();
        }
        String grantId = jwt.getClaimAsString(AccessTokenClaims.GRANT_ID);
        String account = jwt.getClaimAsString(AccessTokenClaims.ACCOUNT_ID);
        List<String> audience = jwt.getAudience();
        if (grantId == null
                || account == null
                || jwt.getSubject() == null
                || audience == null
                || audience.isEmpty()
                || jwt.getExpiresAt() == null
                || jwt.getId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Verified(
                    UUID.fromString(account),
                    UUID.fromString(jwt.getSubject()),
                    grantId,
                    jwt.getId(),
                    audience.get(0),
                    Set.copyOf(Optional.ofNullable(jwt.getClaimAsStringList("scope"))
                            .orElse(List.of())),
                    jwt.getExpiresAt()));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
