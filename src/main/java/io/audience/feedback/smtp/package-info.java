/**
 * The inbound SMTP listener: bounces (RFC 3464 delivery status notifications) and spam complaints
 * (RFC 5965 ARF reports) to Audience's signed return paths; every other mail is refused.
 */
@NullMarked
package io.audience.feedback.smtp;

import org.jspecify.annotations.NullMarked;
