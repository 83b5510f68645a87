/** Sender addresses of an account, verified by a confirmation mail (GET/POST /v3/account/emails). */
@NullMarked
package io.audience.sender;

import org.jspecify.annotations.NullMarked;
