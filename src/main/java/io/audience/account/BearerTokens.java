package io.audience.account;

/** Access tokens issued by the sign-in for apps (JWTs), which the API accepts beside API tokens. */
public interface BearerTokens {

    TokenCheck authenticate(String token);
}
