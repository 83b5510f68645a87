package io.audience.auth;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Grants whose refresh tokens are single-use. The server issues a new refresh token on each
 * refresh (reuse is off); this remembers the one it replaced. A replaced token presented again
 * means two parties hold the grant (OAuth 2.0 Security BCP, 4.14.2): the grant is revoked, so the
 * thief's and the app's tokens stop working alike, and the request fails with invalid_grant.
 */
final class RotatingGrants implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RotatingGrants.class);

    private final OAuth2AuthorizationService store;
    private final UsedRefreshTokens used;

    RotatingGrants(OAuth2AuthorizationService store, UsedRefreshTokens used) {
        this.store = store;
        this.used = used;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2RefreshToken> next = authorization.getRefreshToken();
        if (next != null) {
            OAuth2Authorization before = store.findById(authorization.getId());
            OAuth2Authorization.Token<OAuth2RefreshToken> previous = before == null ? null : before.getRefreshToken();
            if (previous != null && !previous.getToken().getTokenValue().equals(next.getToken().getTokenValue())) {
                used.record(previous.getToken().getTokenValue(), authorization.getId());
            }
        }
        store.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        store.remove(authorization);
        used.forget(authorization.getId());
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return store.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        OAuth2Authorization found = store.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            used.grantOf(token).map(store::findById).ifPresent(grant -> {
                log.warn("A refresh token of grant {} (client {}) was used twice; the grant is revoked", grant.getId(),
                        grant.getRegisteredClientId());
                remove(grant);
            });
        }
        return found;
    }
}
