package io.audience.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Grants whose codes, access tokens and refresh tokens are stored as SHA-256 hashes, never as the
 * values a client holds: a copy of the database lets nobody call the API or refresh a grant. A
 * lookup hashes the value presented; the grant found carries that one value in clear again, for
 * the server's own checks. A grant deleted (revoked) while a token request was under way is not
 * written back by that request.
 */
final class HashedGrants implements OAuth2AuthorizationService {

    static final String PREFIX = "sha256:";
    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private final OAuth2AuthorizationService store;
    private final UsedRefreshTokenRepository used;

    HashedGrants(OAuth2AuthorizationService store, UsedRefreshTokenRepository used) {
        this.store = store;
        this.used = used;
    }

    static String hash(String value) {
        try {
            return PREFIX
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        // Only the authorization endpoint makes grants (with a code, before any token); a token
        // request saves a grant that exists, unless it was revoked meanwhile.
        if (authorization.getAccessToken() != null && store.findById(authorization.getId()) == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
        }
        store.save(hashed(authorization));
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
        if (STATE.equals(tokenType)) {
            return store.findByToken(token, tokenType);
        }
        OAuth2Authorization found = store.findByToken(hash(token), tokenType);
        return found == null ? null : inClear(found, token);
    }

    private static OAuth2Authorization hashed(OAuth2Authorization authorization) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
        for (Class<? extends OAuth2Token> type :
                java.util.List.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class, OAuth2RefreshToken.class)) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null && !token.getToken().getTokenValue().startsWith(PREFIX)) {
                builder.token(withValue(token.getToken(), hash(token.getToken().getTokenValue())));
            }
        }
        return builder.build();
    }

    /** The grant with the one token whose hash is {@code hashOf(value)} carrying {@code value} again. */
    private static OAuth2Authorization inClear(OAuth2Authorization authorization, String value) {
        String hashed = hash(value);
        OAuth2Authorization.Token<OAuth2Token> token = authorization.getToken(hashed);
        return token == null
                ? authorization
                : OAuth2Authorization.from(authorization)
                        .token(withValue(token.getToken(), value))
                        .build();
    }

    private static OAuth2Token withValue(OAuth2Token token, String value) {
        if (token instanceof OAuth2AccessToken access) {
            return new OAuth2AccessToken(
                    access.getTokenType(), value, access.getIssuedAt(), access.getExpiresAt(), access.getScopes());
        }
        if (token instanceof OAuth2RefreshToken) {
            return new OAuth2RefreshToken(value, token.getIssuedAt(), token.getExpiresAt());
        }
        if (token instanceof OAuth2AuthorizationCode) {
            return new OAuth2AuthorizationCode(value, token.getIssuedAt(), token.getExpiresAt());
        }
        throw new IllegalStateException("Grants hold no " + token.getClass().getSimpleName());
    }
}
