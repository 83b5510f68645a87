package io.audience.confirmation;

import static io.audience.db.Tables.MAIL_TEMPLATE;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class MailTemplateRepository {

    private final DSLContext db;

    MailTemplateRepository(DSLContext db) {
        this.db = db;
    }

    Optional<MailTemplate> find(UUID accountId, Purpose purpose) {
        return db.selectFrom(MAIL_TEMPLATE)
                .where(MAIL_TEMPLATE.ACCOUNT_ID.eq(accountId), MAIL_TEMPLATE.PURPOSE.eq(purpose.wire()))
                .fetchOptional(r -> new MailTemplate(r.getSubject(), r.getTextBody(), r.getHtmlBody()));
    }

    void save(UUID accountId, Purpose purpose, MailTemplate template, OffsetDateTime now) {
        db.insertInto(MAIL_TEMPLATE)
                .set(MAIL_TEMPLATE.ACCOUNT_ID, accountId)
                .set(MAIL_TEMPLATE.PURPOSE, purpose.wire())
                .set(MAIL_TEMPLATE.SUBJECT, template.subject())
                .set(MAIL_TEMPLATE.TEXT_BODY, template.textBody())
                .set(MAIL_TEMPLATE.HTML_BODY, template.htmlBody())
                .set(MAIL_TEMPLATE.UPDATED_AT, now)
                .onConflict(MAIL_TEMPLATE.ACCOUNT_ID, MAIL_TEMPLATE.PURPOSE)
                .doUpdate()
                .set(MAIL_TEMPLATE.SUBJECT, template.subject())
                .set(MAIL_TEMPLATE.TEXT_BODY, template.textBody())
                .set(MAIL_TEMPLATE.HTML_BODY, template.htmlBody())
                .set(MAIL_TEMPLATE.UPDATED_AT, now)
                .execute();
    }

    void delete(UUID accountId, Purpose purpose) {
        db.deleteFrom(MAIL_TEMPLATE)
                .where(MAIL_TEMPLATE.ACCOUNT_ID.eq(accountId), MAIL_TEMPLATE.PURPOSE.eq(purpose.wire()))
                .execute();
    }
}
