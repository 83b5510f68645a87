/** The webhooks API: /v3/webhooks, their secrets, test pings and delivery log. */
@NullMarked
package io.audience.webhook.web;

import org.jspecify.annotations.NullMarked;
