/**
 * The webhooks of sending services (Amazon SES over SNS, Postmark, Mailgun, SendGrid, and
 * Audience's own generic format): for each, a verifier that decides whether a request is
 * authentic and fresh ({@link io.audience.feedback.provider.BadSignature} if not), and a parser
 * that turns its body into {@link io.audience.feedback.Feedback} records ({@link
 * io.audience.feedback.provider.BadPayload} if the body is malformed). Pure code: no beans, no
 * database; retried deliveries are deduplicated by the caller on {@code providerEventId}.
 */
@NullMarked
package io.audience.feedback.provider;

import org.jspecify.annotations.NullMarked;
