package io.audience.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint anyone may call without a token, saying why that is safe (the pages of our mail
 * links carry their own signed token; the sign-in pages are guarded by their session).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicEndpoint {

    /** Why the endpoint needs no credential. */
    String value();
}
