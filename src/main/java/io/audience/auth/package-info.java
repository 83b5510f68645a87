/**
 * Who is calling, and what they may do: API tokens and the operator token, the request gate and
 * route policies that decide every request before its handler runs, the account's users and their
 * sign-in, OAuth2 apps, the authorization server's storage and keys, and the access tokens the API
 * accepts. The vocabulary controllers use ({@code Caller}, {@code @Requires}) is in {@code api}.
 */
@NullMarked
package io.audience.auth;

import org.jspecify.annotations.NullMarked;
