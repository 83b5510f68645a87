package io.audience.contact;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.consent.Permission;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class CountsRepository {

    private final DSLContext db;

    CountsRepository(DSLContext db) {
        this.db = db;
    }

    ContactCounts counts(UUID accountId, OffsetDateTime newSince) {
        Record6<Integer, Integer, Integer, Integer, Integer, Integer> r = db.select(
                        DSL.count(),
                        DSL.count().filterWhere(EMAIL_CONSENT.PERMISSION_TO_SEND.eq(Permission.EXPLICIT.wire())),
                        DSL.count().filterWhere(EMAIL_CONSENT.PERMISSION_TO_SEND.eq(Permission.IMPLICIT.wire())),
                        DSL.count()
                                .filterWhere(
                                        EMAIL_CONSENT.PERMISSION_TO_SEND.eq(Permission.PENDING_CONFIRMATION.wire())),
                        DSL.count().filterWhere(EMAIL_CONSENT.PERMISSION_TO_SEND.eq(Permission.UNSUBSCRIBED.wire())),
                        DSL.count()
                                .filterWhere(EMAIL_CONSENT
                                        .PERMISSION_TO_SEND
                                        .in(Permission.EXPLICIT.wire(), Permission.IMPLICIT.wire())
                                        .and(EMAIL_CONSENT.OPT_IN_DATE.ge(newSince))))
                .from(CONTACT)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.DELETED_AT.isNull())
                .fetchSingle();
        return new ContactCounts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6());
    }
}
