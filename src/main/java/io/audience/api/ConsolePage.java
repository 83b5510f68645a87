package io.audience.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page of the console: the person must be signed in (the console's session cookie) as a user
 * whose role grants the privilege. Unlike {@link Requires}, no token is accepted, and every form
 * posted to it carries the session's CSRF token. On a method it overrides its class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConsolePage {

    Privilege value();
}
