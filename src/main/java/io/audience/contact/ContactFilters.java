package io.audience.contact;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.EMAIL_CONSENT;
import static io.audience.db.Tables.LIST_MEMBERSHIP;
import static io.audience.db.Tables.TAGGING;

import io.audience.consent.DeliveryStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Turns a {@link ContactQuery} into SQL conditions over contact joined with email_consent. */
public final class ContactFilters {

    private ContactFilters() {}

    public static Condition of(UUID accountId, ContactQuery query) {
        List<Condition> all = new ArrayList<>();
        all.add(CONTACT.ACCOUNT_ID.eq(accountId));
        if (query.emailKey() != null) {
            all.add(CONTACT.EMAIL_KEY.eq(query.emailKey()));
        }
        all.add(status(query));
        if (!query.lists().isEmpty()) {
            all.add(DSL.exists(DSL.selectOne()
                    .from(LIST_MEMBERSHIP)
                    .where(
                            LIST_MEMBERSHIP.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID),
                            LIST_MEMBERSHIP.CONTACT_ID.eq(CONTACT.CONTACT_ID),
                            LIST_MEMBERSHIP.LIST_ID.in(query.lists()))));
        }
        if (!query.tags().isEmpty()) {
            all.add(DSL.exists(DSL.selectOne()
                    .from(TAGGING)
                    .where(
                            TAGGING.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID),
                            TAGGING.CONTACT_ID.eq(CONTACT.CONTACT_ID),
                            TAGGING.TAG_ID.in(query.tags()))));
        }
        if (!query.contactIds().isEmpty()) {
            all.add(CONTACT.CONTACT_ID.in(query.contactIds()));
        }
        if (!query.excludedIds().isEmpty()) {
            all.add(CONTACT.CONTACT_ID.notIn(query.excludedIds()));
        }
        if (query.updatedAfter() != null) {
            all.add(CONTACT.UPDATED_AT.gt(query.updatedAfter()));
        }
        if (query.updatedBefore() != null) {
            all.add(CONTACT.UPDATED_AT.lt(query.updatedBefore()));
        }
        if (query.createdAfter() != null) {
            all.add(CONTACT.CREATED_AT.gt(query.createdAfter()));
        }
        if (query.createdBefore() != null) {
            all.add(CONTACT.CREATED_AT.lt(query.createdBefore()));
        }
        if (query.optoutAfter() != null) {
            all.add(EMAIL_CONSENT.OPT_OUT_DATE.gt(query.optoutAfter()));
        }
        if (query.optoutBefore() != null) {
            all.add(EMAIL_CONSENT.OPT_OUT_DATE.lt(query.optoutBefore()));
        }
        if (query.deliveryStatus() != null) {
            all.add(EMAIL_CONSENT.DELIVERY_STATUS.eq(query.deliveryStatus().wire()));
        }
        if (query.cursor() != null) {
            all.add(CONTACT.CONTACT_ID.gt(query.cursor().after()));
        }
        return DSL.and(all);
    }

    /** The state filter alone; the console search applies it to all but an exact address. */
    static Condition status(ContactQuery query) {
        if (query.statuses().isEmpty()) {
            // The vendor hides deleted contacts by default; an exact address lookup never does.
            return query.emailKey() != null ? DSL.trueCondition() : CONTACT.DELETED_AT.isNull();
        }
        List<Condition> any = new ArrayList<>();
        for (ContactQuery.Status status : query.statuses()) {
            any.add(
                    switch (status) {
                        case ALL -> DSL.trueCondition();
                        case ACTIVE -> CONTACT.DELETED_AT.isNull();
                        case DELETED -> CONTACT.DELETED_AT.isNotNull();
                        case BOUNCED ->
                            CONTACT.DELETED_AT
                                    .isNull()
                                    .and(EMAIL_CONSENT.DELIVERY_STATUS.eq(DeliveryStatus.BOUNCED.wire()));
                        default ->
                            CONTACT.DELETED_AT
                                    .isNull()
                                    .and(EMAIL_CONSENT.PERMISSION_TO_SEND.eq(
                                            status.name().toLowerCase(Locale.ROOT)));
                    });
        }
        return DSL.or(any);
    }
}
