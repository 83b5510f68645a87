package io.audience.auth;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * RFC 7009 revocation, checking that the token was issued to the calling app before anything
 * changes (another app's token: invalid_client, nothing revoked). An access token is revoked on
 * its own, by its jti, until it expires, whatever refreshes follow, and that works for any access
 * token the grant ever had, not only the newest. A refresh token revokes its grant: the grant is
 * deleted, and every token of it stops working. An unknown or expired token is answered 200, as
 * the RFC asks.
 */
final class TokenRevocations implements AuthenticationProvider {

    private final OAuth2AuthorizationService grants;
    private final JwtDecoder accessTokens;
    private final RevokedAccessTokenRepository revoked;

    TokenRevocations(OAuth2AuthorizationService grants, JwtDecoder accessTokens, RevokedAccessTokenRepository revoked) {
        this.grants = grants;
        this.accessTokens = accessTokens;
        this.revoked = revoked;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2TokenRevocationAuthenticationToken request = (OAuth2TokenRevocationAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
                || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        RegisteredClient app = client.getRegisteredClient();
        String token = request.getToken();
        if (token.indexOf('.') >= 0) {
            return revokeAccessToken(token, app, client, request);
        }
        OAuth2Authorization grant = grants.findByToken(token, OAuth2TokenType.REFRESH_TOKEN);
        if (grant == null || grant.getRefreshToken() == null) {
            return request;
        }
        if (!grant.getRegisteredClientId().equals(app.getId())) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        grants.remove(grant);
        return new OAuth2TokenRevocationAuthenticationToken(
                grant.getRefreshToken().getToken(), client);
    }

    private Authentication revokeAccessToken(
            String token,
            RegisteredClient app,
            OAuth2ClientAuthenticationToken client,
            OAuth2TokenRevocationAuthenticationToken request) {
        Jwt jwt;
        try {
            jwt = accessTokens.decode(token);
        } catch (JwtException notOursOrExpired) {
            return request;
        }
        List<String> audience = jwt.getAudience();
        if (audience == null || !audience.contains(app.getClientId())) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        String grantId = jwt.getClaimAsString(AccessTokenClaims.GRANT_ID);
        if (jwt.getId() == null || grantId == null || jwt.getExpiresAt() == null) {
            return request;
        }
        revoked.revoke(jwt.getId(), grantId, jwt.getExpiresAt());
        return new OAuth2TokenRevocationAuthenticationToken(
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, jwt.getIssuedAt(), jwt.getExpiresAt()),
                client);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
