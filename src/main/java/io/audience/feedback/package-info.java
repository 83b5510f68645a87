/**
 * Bounces and complaints (an extension): what mailbox providers and sending services report back
 * about mail to an address. A hard bounce, or soft bounces past a threshold, make the address
 * undeliverable (its delivery state, apart from consent); a complaint is the person's opt-out.
 * Reports arrive by SMTP (delivery status notifications and ARF reports to a signed return path)
 * and by the webhooks of sending services, each verified before it is read.
 */
@NullMarked
package io.audience.feedback;

import org.jspecify.annotations.NullMarked;
