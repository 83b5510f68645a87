package io.audience.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * Each refresh token is exchanged once. The server's refresh (which issues a new refresh token
 * every time) runs only after this claims the presented token; of two concurrent refreshes with one
 * token exactly one succeeds, the other gets invalid_grant. A replaced token presented again later
 * means two parties hold the grant (OAuth 2.0 Security BCP, 4.14.2): if it is the calling app's,
 * the grant is revoked, so the thief's and the app's tokens stop working alike. Within a few
 * seconds of the exchange it is taken for a concurrent duplicate of that refresh instead, and only
 * refused: the app that sent both keeps the tokens the first one got.
 */
final class SingleUseRefreshTokens implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(SingleUseRefreshTokens.class);
    static final Duration CONCURRENT = Duration.ofSeconds(2);

    private final AuthenticationProvider refresh;
    private final OAuth2AuthorizationService grants;
    private final UsedRefreshTokenRepository used;
    private final Clock clock;

    SingleUseRefreshTokens(
            AuthenticationProvider refresh,
            OAuth2AuthorizationService grants,
            UsedRefreshTokenRepository used,
            Clock clock) {
        this.refresh = refresh;
        this.grants = grants;
        this.used = used;
        this.clock = clock;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        OAuth2RefreshTokenAuthenticationToken request = (OAuth2RefreshTokenAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
                || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            return refresh.authenticate(authentication);
        }
        String presented = request.getRefreshToken();
        OAuth2Authorization grant = grants.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
        if (grant == null) {
            revokeIfReused(presented, client.getRegisteredClient().getId());
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
        }
        OAuth2Authorization.Token<?> token = grant.getRefreshToken();
        if (!grant.getRegisteredClientId().equals(client.getRegisteredClient().getId())
                || token == null
                || !token.isActive()) {
            // Not this app's, or expired: the server refuses it with the error the RFC names.
            return refresh.authenticate(authentication);
        }
        if (!used.claim(presented, grant.getId())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_GRANT, "This refresh token was just exchanged by another request", null));
        }
        try {
            return refresh.authenticate(authentication);
        } catch (RuntimeException failed) {
            used.release(presented);
            throw failed;
        }
    }

    private void revokeIfReused(String presented, String clientId) {
        OffsetDateTime concurrent = OffsetDateTime.now(clock).minus(CONCURRENT);
        used.useOf(presented)
                .filter(use -> use.usedAt().isBefore(concurrent))
                .map(use -> grants.findById(use.authorizationId()))
                .filter(grant -> grant.getRegisteredClientId().equals(clientId))
                .ifPresent(grant -> {
                    log.warn(
                            "A refresh token of grant {} (client {}) was used twice; the grant is revoked",
                            grant.getId(),
                            clientId);
                    grants.remove(grant);
                });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
