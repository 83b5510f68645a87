/**
 * Webhooks (an extension): an account's subscriptions, the events written in the transaction of
 * each change (an outbox), and their delivery as the Standard Webhooks specification signs them,
 * at least once, in order per contact, retried for days, never to a private network.
 */
@NullMarked
package io.audience.webhook;

import org.jspecify.annotations.NullMarked;
