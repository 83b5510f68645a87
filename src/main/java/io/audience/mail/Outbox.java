package io.audience.mail;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues mail in the caller's transaction: it is sent only if the change that caused it commits. */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> smtp;

    Outbox(OutboxRepository outbox, ObjectProvider<JavaMailSender> smtp) {
        this.outbox = outbox;
        this.smtp = smtp;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queue(OutgoingMail mail, OffsetDateTime now) {
        UUID mailId = Ids.next();
        outbox.insert(mailId, mail, now);
        if (smtp.getIfAvailable() == null) {
            // The address and the link are the person's (a link is a credential): never at INFO.
            log.info("No SMTP server is configured; {} mail {} stays queued (GET /admin/outbox)", mail.kind(), mailId);
            log.debug("Queued mail {} is to {}; its link: {}", mailId, mail.to(), mail.actionUrl());
        }
        return mailId;
    }

    /** Erase: mail not yet sent to the address goes with the rest of the person's data. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(UUID accountId, String emailKey) {
        outbox.forget(accountId, emailKey);
    }

    /** Who a mail was for (while it is kept), to apply a bounce that names it. */
    public record Recipient(UUID accountId, UUID mailId, String emailKey, String kind) {

        /** Mail to an account's own sender address is no contact's: its bounces are no feedback. */
        public boolean isContactMail() {
            return !kind.equals("sender_confirmation");
        }
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Recipient> recipient(UUID mailId) {
        return outbox.recipient(mailId);
    }

    @Transactional(readOnly = true)
    public List<QueuedMail> recent(int max) {
        return outbox.recent(max);
    }
}
