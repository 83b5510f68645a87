package io.audience.auth;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Token lifetimes come from the configuration at the time a token is issued, not from when its app
 * was registered: changing AUDIENCE_OAUTH_ACCESS_TOKEN_TTL applies to every app at the next token.
 * Likewise the rule that every app uses PKCE.
 */
@Component
class TokenPolicy {

    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;

    TokenPolicy(
            @Value("${audience.oauth.access-token-ttl:24h}") Duration accessTokenTtl,
            @Value("${audience.oauth.refresh-token-ttl:90d}") Duration refreshTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
    }

    /** JWT access tokens; a refresh token is used once and replaced (reuse is detected, RotatingGrants). */
    TokenSettings settings() {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTokenTtl)
                .refreshTokenTimeToLive(refreshTokenTtl)
                .reuseRefreshTokens(false)
                .build();
    }

    Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    RegisteredClientRepository applyTo(RegisteredClientRepository stored) {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient client) {
                stored.save(client);
            }

            @Override
            public @Nullable RegisteredClient findById(String id) {
                return current(stored.findById(id));
            }

            @Override
            public @Nullable RegisteredClient findByClientId(String clientId) {
                return current(stored.findByClientId(clientId));
            }
        };
    }

    /**
     * Every app must use PKCE (S256), confidential ones too (OAuth 2.0 Security BCP 2.1.1), apps
     * registered before this was the rule included.
     */
    private @Nullable RegisteredClient current(@Nullable RegisteredClient client) {
        return client == null
                ? null
                : RegisteredClient.from(client)
                        .tokenSettings(settings())
                        .clientSettings(ClientSettings.withSettings(
                                        client.getClientSettings().getSettings())
                                .requireProofKey(true)
                                .build())
                        .build();
    }
}
