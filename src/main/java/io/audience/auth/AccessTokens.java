package io.audience.auth;

import io.audience.account.BearerTokens;
import io.audience.account.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.stereotype.Component;

/**
 * Accepts this server's JWT access tokens: signed by one of its keys, not expired, and of a grant
 * that still stands (not revoked, nor removed after a refresh token was reused). The user's
 * privileges are read at each request, so a removed user's tokens stop working at once.
 */
@Component
class AccessTokens implements BearerTokens {

    private final JwtDecoder decoder;
    private final OAuth2AuthorizationService grants;
    private final AccountUsers users;

    AccessTokens(JwtDecoder decoder, OAuth2AuthorizationService grants, AccountUsers users) {
        this.decoder = decoder;
        this.grants = grants;
        this.users = users;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalid) {
            return Optional.empty();
        }
        String grantId = jwt.getClaimAsString(AccessTokenClaims.GRANT_ID);
        String account = jwt.getClaimAsString(AccessTokenClaims.ACCOUNT_ID);
        List<String> audience = jwt.getAudience();
        if (grantId == null || account == null || jwt.getSubject() == null || audience == null || audience.isEmpty()) {
            return Optional.empty();
        }
        OAuth2Authorization grant = grants.findById(grantId);
        if (grant == null || revoked(grant.getAccessToken()) || revoked(grant.getRefreshToken())) {
            return Optional.empty();
        }
        UUID accountId;
        UUID userId;
        try {
            accountId = UUID.fromString(account);
            userId = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        String clientId = audience.get(0);
        Set<String> scopes = new HashSet<>(Optional.ofNullable(jwt.getClaimAsStringList("scope")).orElse(List.of()));
        return users.find(accountId, userId).map(user -> new Caller(accountId,
                "oauth:" + clientId + ":user:" + userId, "oauth_grant:" + grantId, clientId, Set.copyOf(scopes),
                user.privileges()));
    }

    /** Revoking the grant's access or refresh token revokes every access token issued to it so far. */
    private static boolean revoked(OAuth2Authorization.@Nullable Token<? extends AbstractOAuth2Token> held) {
        return held != null && held.isInvalidated();
    }
}
