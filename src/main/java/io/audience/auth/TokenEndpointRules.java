package io.audience.auth;

import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * This service's rules for the authorization server's endpoints, which the security chain puts in
 * place of or around the server's own: single-use refresh tokens, revocation that checks the app
 * first and revokes one access token or a whole grant, and no app of a disabled account.
 */
@Component
public class TokenEndpointRules {

    private final OAuth2AuthorizationService grants;
    private final UsedRefreshTokenRepository used;
    private final JwtDecoder accessTokens;
    private final RevokedAccessTokenRepository revoked;
    private final OAuthClients clients;
    private final Clock clock;

    TokenEndpointRules(
            OAuth2AuthorizationService grants,
            UsedRefreshTokenRepository used,
            JwtDecoder accessTokens,
            RevokedAccessTokenRepository revoked,
            OAuthClients clients,
            Clock clock) {
        this.grants = grants;
        this.used = used;
        this.accessTokens = accessTokens;
        this.revoked = revoked;
        this.clients = clients;
        this.clock = clock;
    }

    /** The token endpoint's providers, the refresh one wrapped. */
    public void tokenProviders(List<AuthenticationProvider> providers) {
        providers.replaceAll(provider -> provider instanceof OAuth2RefreshTokenAuthenticationProvider
                ? new SingleUseRefreshTokens(provider, grants, used, clock)
                : provider);
    }

    /** The revocation endpoint's one provider. */
    public void revocationProviders(List<AuthenticationProvider> providers) {
        providers.clear();
        providers.add(new TokenRevocations(grants, accessTokens, revoked));
    }

    /**
     * As the server answers a failed client authentication (only the error code: a description could
     * tell a guesser which part was wrong), except that an app of a disabled account is told so.
     */
    public AuthenticationFailureHandler clientAuthenticationFailures() {
        OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();
        return (request, response, exception) -> {
            OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError()
                    : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
            ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
            answer.setStatusCode(
                    OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
                            ? HttpStatus.UNAUTHORIZED
                            : HttpStatus.BAD_REQUEST);
            converter.write(
                    ClientsOfEnabledAccounts.DISABLED.equals(error.getDescription())
                            ? error
                            : new OAuth2Error(error.getErrorCode()),
                    null,
                    answer);
        };
    }

    /** Every client-authentication provider, refusing apps of disabled accounts. */
    public void clientAuthenticationProviders(List<AuthenticationProvider> providers) {
        providers.replaceAll(provider -> new ClientsOfEnabledAccounts(provider, clients));
    }
}
