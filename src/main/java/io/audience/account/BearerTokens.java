package io.audience.account;

import java.util.Optional;

/** Access tokens issued by the sign-in for apps (JWTs), which the API accepts beside API tokens. */
public interface BearerTokens {

    Optional<Caller> authenticate(String token);
}
