package io.audience.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.audience.api.PublicUrl;
import io.audience.api.Scopes;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.transaction.support.TransactionTemplate;

/** The authorization server's parts, all kept in PostgreSQL so that every instance shares them. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerBeans {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc, TokenPolicy tokens) {
        return tokens.applyTo(new JdbcRegisteredClientRepository(jdbc));
    }

    @Bean
    OAuth2AuthorizationService authorizationService(
            JdbcOperations jdbc, RegisteredClientRepository clients, UsedRefreshTokenRepository used) {
        return new HashedGrants(new JdbcOAuth2AuthorizationService(jdbc, clients), used);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyRepository keys, TransactionTemplate transactions) {
        List<RSAKey> loaded = transactions.execute(tx -> keys.loadOrCreate());
        return new ImmutableJWKSet<>(new JWKSet(List.copyOf(loaded)));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return NimbusJwtDecoder.withJwkSource(keys).build();
    }

    /**
     * The issuer comes from the configuration, never from a request: AUDIENCE_PUBLIC_URL, or
     * http://localhost and the configured port. Taken from the Host header, anyone could make the
     * server name another issuer in its metadata and in the tokens it signs.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(
            PublicUrl publicUrl, @Value("${server.port:8080}") int port) {
        String issuer = publicUrl.configured().isEmpty()
                ? "http://localhost:" + port
                : publicUrl.configured().replaceAll("/+$", "");
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /**
     * JWT access tokens that name the account, the user and the grant (sid, so that revoking the
     * grant revokes them), and refresh tokens only for a grant that asked for offline_access.
     */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwt.setJwtCustomizer(AccessTokenClaims::add);
        OAuth2RefreshTokenGenerator refresh = new OAuth2RefreshTokenGenerator();
        return new DelegatingOAuth2TokenGenerator(
                jwt,
                context -> OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                                && context.getAuthorizedScopes().contains(Scopes.OFFLINE_ACCESS)
                        ? refresh.generate(context)
                        : null);
    }
}
