package io.audience.auth;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/** The claims this service adds to an access token, and reads back from one. */
final class AccessTokenClaims {

    static final String ACCOUNT_ID = "account_id";
    static final String GRANT_ID = "sid";
    /** How a signed-in user carries their account through the server's session and stored grants. */
    static final String ACCOUNT_AUTHORITY = "ACCOUNT_";

    private AccessTokenClaims() {}

    static void add(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) || context.getAuthorization() == null) {
            return;
        }
        for (GrantedAuthority authority : context.getPrincipal().getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ACCOUNT_AUTHORITY)) {
                context.getClaims().claim(ACCOUNT_ID, name.substring(ACCOUNT_AUTHORITY.length()));
            }
        }
        context.getClaims().claim(GRANT_ID, context.getAuthorization().getId());
    }
}
