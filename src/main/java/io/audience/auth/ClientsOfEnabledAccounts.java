package io.audience.auth;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/** An app of an account the operator disabled cannot authenticate at any endpoint of the server. */
final class ClientsOfEnabledAccounts implements AuthenticationProvider {

    static final String DISABLED = "The account that registered this app is disabled by the operator";

    private final AuthenticationProvider clientAuthentication;
    private final OAuthClients clients;

    ClientsOfEnabledAccounts(AuthenticationProvider clientAuthentication, OAuthClients clients) {
        this.clientAuthentication = clientAuthentication;
        this.clients = clients;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        Authentication result = clientAuthentication.authenticate(authentication);
        if (result instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null
                && clients.ofDisabledAccount(client.getRegisteredClient().getClientId())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, DISABLED, null));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return clientAuthentication.supports(authentication);
    }
}
