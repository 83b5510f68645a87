package io.audience.consent;

import static io.audience.db.Tables.CONSENT_EVENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The account-wide views of the consent history that the console's dashboard shows. */
@Repository
class ReportsRepository {

    private final DSLContext db;

    ReportsRepository(DSLContext db) {
        this.db = db;
    }

    /** Newest first: event ids are time-ordered, so the primary key's range of the account serves it. */
    List<AddressEvent> latest(UUID accountId, int limit) {
        return db.selectFrom(CONSENT_EVENT)
                .where(CONSENT_EVENT.ACCOUNT_ID.eq(accountId))
                .orderBy(CONSENT_EVENT.EVENT_ID.desc())
                .limit(limit)
                .fetch(r -> new AddressEvent(r.getEmailKey(), ConsentRepository.event(r, null)));
    }

    /**
     * Changes of an address to unsubscribed per UTC day (consent_event_opt_out_ix); a change of an
     * opt-out's details (its reason) is not a second opt-out.
     */
    Map<LocalDate, Integer> optOutsPerDay(UUID accountId, OffsetDateTime since) {
        Field<LocalDate> day =
                DSL.field("cast(({0} at time zone 'UTC') as date)", SQLDataType.LOCALDATE, CONSENT_EVENT.OCCURRED_AT);
        String unsubscribed = Permission.UNSUBSCRIBED.wire();
        return db.select(day, DSL.count())
                .from(CONSENT_EVENT)
                .where(
                        CONSENT_EVENT.ACCOUNT_ID.eq(accountId),
                        CONSENT_EVENT.TO_PERMISSION.eq(unsubscribed),
                        CONSENT_EVENT.OCCURRED_AT.ge(since),
                        CONSENT_EVENT.FROM_PERMISSION.isDistinctFrom(unsubscribed))
                .groupBy(day)
                .fetchMap(day, DSL.count());
    }
}
