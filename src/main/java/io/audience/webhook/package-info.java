/** Webhooks: signed notifications of changes, posted to the addresses an account registers. */
@NullMarked
package io.audience.webhook;

import org.jspecify.annotations.NullMarked;
