/** HTTP of sign-in: the authorization server's filter chains, its pages and the admin endpoints. */
@NullMarked
package io.audience.auth.web;

import org.jspecify.annotations.NullMarked;
