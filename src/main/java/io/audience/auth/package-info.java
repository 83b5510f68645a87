/**
 * Sign-in for apps: the account's users, OAuth2 clients, the authorization server's storage and
 * keys, and the access tokens the API accepts.
 */
@NullMarked
package io.audience.auth;

import org.jspecify.annotations.NullMarked;
