package io.audience.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint of an account's API: the caller needs an API token of the account, or an OAuth
 * access token with the privilege's scope whose user's role grants the privilege. On a method it
 * overrides its class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {

    Privilege value();
}
