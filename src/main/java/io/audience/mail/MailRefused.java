package io.audience.mail;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The SMTP server refused the recipient of a mail to a contact's address for good (a 5xx to
 * RCPT TO): a hard bounce, published in the transaction that records the failure.
 *
 * @param status the enhanced status code of the reply ({@code 5.1.1}), or its reply code
 * @param reply the server's reply, with no address in it
 */
public record MailRefused(
        UUID accountId, UUID mailId, String emailKey, String status, String reply, OffsetDateTime at) {}
