package io.audience.customfield;

import static io.audience.db.Tables.CONTACT_CUSTOM_FIELD;
import static io.audience.db.Tables.CUSTOM_FIELD;
import static io.audience.db.Tables.CUSTOM_FIELD_CHOICE;

import io.audience.db.tables.records.CustomFieldRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CustomFieldRepository {

    private final DSLContext db;
    private final JsonMapper json;

    CustomFieldRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Serialises creations per account, so the 100-field limit holds under concurrent requests: a
     * transaction-scoped advisory lock of this account's custom fields (the account row belongs to
     * the account module).
     */
    int lockAccountAndCount(UUID accountId) {
        db.execute("select pg_advisory_xact_lock(hashtextextended('custom_field:' || {0}, 0))", DSL.val(accountId));
        return db.fetchCount(CUSTOM_FIELD, CUSTOM_FIELD.ACCOUNT_ID.eq(accountId));
    }

    boolean insert(
            UUID accountId,
            UUID id,
            String label,
            String name,
            FieldType type,
            CustomFieldView.@Nullable Metadata metadata,
            @Nullable Integer version,
            OffsetDateTime now) {
        return db.insertInto(CUSTOM_FIELD)
                        .set(CUSTOM_FIELD.ACCOUNT_ID, accountId)
                        .set(CUSTOM_FIELD.CUSTOM_FIELD_ID, id)
                        .set(CUSTOM_FIELD.LABEL, label)
                        .set(CUSTOM_FIELD.NAME, name)
                        .set(CUSTOM_FIELD.TYPE, type.wire())
                        .set(CUSTOM_FIELD.METADATA, metadata == null ? null : json.writeValueAsString(metadata))
                        .set(CUSTOM_FIELD.VERSION, version)
                        .set(CUSTOM_FIELD.CREATED_AT, now)
                        .set(CUSTOM_FIELD.UPDATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    void update(UUID accountId, UUID id, String label, String name, OffsetDateTime now) {
        db.update(CUSTOM_FIELD)
                .set(CUSTOM_FIELD.LABEL, label)
                .set(CUSTOM_FIELD.NAME, name)
                .set(CUSTOM_FIELD.UPDATED_AT, now)
                .where(CUSTOM_FIELD.ACCOUNT_ID.eq(accountId), CUSTOM_FIELD.CUSTOM_FIELD_ID.eq(id))
                .execute();
    }

    /** Replaces the choices; a choice sent with its id keeps it (and its created_at). */
    void replaceChoices(UUID accountId, UUID id, List<CustomFieldService.ChoiceInput> choices, OffsetDateTime now) {
        Map<Integer, OffsetDateTime> created = db.select(CUSTOM_FIELD_CHOICE.CHOICE_ID, CUSTOM_FIELD_CHOICE.CREATED_AT)
                .from(CUSTOM_FIELD_CHOICE)
                .where(CUSTOM_FIELD_CHOICE.ACCOUNT_ID.eq(accountId), CUSTOM_FIELD_CHOICE.CUSTOM_FIELD_ID.eq(id))
                .fetchMap(CUSTOM_FIELD_CHOICE.CHOICE_ID, CUSTOM_FIELD_CHOICE.CREATED_AT);
        db.deleteFrom(CUSTOM_FIELD_CHOICE)
                .where(CUSTOM_FIELD_CHOICE.ACCOUNT_ID.eq(accountId), CUSTOM_FIELD_CHOICE.CUSTOM_FIELD_ID.eq(id))
                .execute();
        int next = created.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (CustomFieldService.ChoiceInput choice : choices) {
            int choiceId =
                    choice.choiceId() != null && created.containsKey(choice.choiceId()) ? choice.choiceId() : next++;
            db.insertInto(CUSTOM_FIELD_CHOICE)
                    .set(CUSTOM_FIELD_CHOICE.ACCOUNT_ID, accountId)
                    .set(CUSTOM_FIELD_CHOICE.CUSTOM_FIELD_ID, id)
                    .set(CUSTOM_FIELD_CHOICE.CHOICE_ID, choiceId)
                    .set(CUSTOM_FIELD_CHOICE.CHOICE_LABEL, choice.label())
                    .set(CUSTOM_FIELD_CHOICE.DISPLAY_ORDER, choice.displayOrder())
                    .set(CUSTOM_FIELD_CHOICE.CREATED_AT, created.getOrDefault(choiceId, now))
                    .set(CUSTOM_FIELD_CHOICE.UPDATED_AT, now)
                    .execute();
        }
    }

    Optional<CustomFieldView> find(UUID accountId, UUID id) {
        return all(CUSTOM_FIELD.ACCOUNT_ID.eq(accountId).and(CUSTOM_FIELD.CUSTOM_FIELD_ID.eq(id)), 1).stream()
                .findFirst();
    }

    Optional<CustomFieldView> lock(UUID accountId, UUID id) {
        return db.selectFrom(CUSTOM_FIELD)
                .where(CUSTOM_FIELD.ACCOUNT_ID.eq(accountId), CUSTOM_FIELD.CUSTOM_FIELD_ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .flatMap(r -> find(accountId, id));
    }

    Optional<UUID> idOfName(UUID accountId, String name) {
        return db.select(CUSTOM_FIELD.CUSTOM_FIELD_ID)
                .from(CUSTOM_FIELD)
                .where(
                        CUSTOM_FIELD.ACCOUNT_ID.eq(accountId),
                        DSL.lower(CUSTOM_FIELD.NAME).eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional(CUSTOM_FIELD.CUSTOM_FIELD_ID);
    }

    List<CustomFieldView> page(UUID accountId, @Nullable UUID after, int limit) {
        Condition where = CUSTOM_FIELD.ACCOUNT_ID.eq(accountId);
        return all(after == null ? where : where.and(CUSTOM_FIELD.CUSTOM_FIELD_ID.gt(after)), limit);
    }

    List<CustomFieldView> byIds(UUID accountId, Collection<UUID> ids) {
        return all(CUSTOM_FIELD.ACCOUNT_ID.eq(accountId).and(CUSTOM_FIELD.CUSTOM_FIELD_ID.in(ids)), ids.size());
    }

    void delete(UUID accountId, UUID id) {
        db.deleteFrom(CUSTOM_FIELD)
                .where(CUSTOM_FIELD.ACCOUNT_ID.eq(accountId), CUSTOM_FIELD.CUSTOM_FIELD_ID.eq(id))
                .execute();
    }

    void replaceValues(UUID accountId, UUID contactId, List<FieldValue> values) {
        db.deleteFrom(CONTACT_CUSTOM_FIELD)
                .where(CONTACT_CUSTOM_FIELD.ACCOUNT_ID.eq(accountId), CONTACT_CUSTOM_FIELD.CONTACT_ID.eq(contactId))
                .execute();
        short position = 0;
        for (FieldValue value : values) {
            db.insertInto(CONTACT_CUSTOM_FIELD)
                    .set(CONTACT_CUSTOM_FIELD.ACCOUNT_ID, accountId)
                    .set(CONTACT_CUSTOM_FIELD.CONTACT_ID, contactId)
                    .set(CONTACT_CUSTOM_FIELD.CUSTOM_FIELD_ID, value.customFieldId())
                    .set(CONTACT_CUSTOM_FIELD.VALUE, value.value())
                    .set(
                            CONTACT_CUSTOM_FIELD.CHOICE_IDS,
                            value.choiceIds() == null ? null : String.join(",", value.choiceIds()))
                    .set(CONTACT_CUSTOM_FIELD.POSITION, position++)
                    .execute();
        }
    }

    Map<UUID, List<FieldValue>> valuesOf(UUID accountId, Collection<UUID> contactIds) {
        return db.selectFrom(CONTACT_CUSTOM_FIELD)
                .where(CONTACT_CUSTOM_FIELD.ACCOUNT_ID.eq(accountId), CONTACT_CUSTOM_FIELD.CONTACT_ID.in(contactIds))
                .orderBy(CONTACT_CUSTOM_FIELD.CONTACT_ID, CONTACT_CUSTOM_FIELD.POSITION)
                .fetchGroups(
                        CONTACT_CUSTOM_FIELD.CONTACT_ID,
                        r -> new FieldValue(
                                r.getCustomFieldId(),
                                r.getValue(),
                                r.getChoiceIds() == null
                                        ? null
                                        : Arrays.asList(r.getChoiceIds().split(",", -1))));
    }

    private List<CustomFieldView> all(Condition where, int limit) {
        List<CustomFieldRecord> fields = db.selectFrom(CUSTOM_FIELD)
                .where(where)
                .orderBy(CUSTOM_FIELD.CUSTOM_FIELD_ID)
                .limit(limit)
                .fetch();
        if (fields.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CustomFieldView.Choice>> choices = db.selectFrom(CUSTOM_FIELD_CHOICE)
                .where(
                        CUSTOM_FIELD_CHOICE.ACCOUNT_ID.eq(fields.get(0).getAccountId()),
                        CUSTOM_FIELD_CHOICE.CUSTOM_FIELD_ID.in(fields.stream()
                                .map(CustomFieldRecord::getCustomFieldId)
                                .toList()))
                .orderBy(
                        CUSTOM_FIELD_CHOICE.CUSTOM_FIELD_ID,
                        CUSTOM_FIELD_CHOICE.DISPLAY_ORDER,
                        CUSTOM_FIELD_CHOICE.CHOICE_ID)
                .fetchGroups(
                        CUSTOM_FIELD_CHOICE.CUSTOM_FIELD_ID,
                        c -> new CustomFieldView.Choice(
                                c.getCustomFieldId(),
                                c.getChoiceId(),
                                c.getChoiceLabel(),
                                c.getDisplayOrder(),
                                c.getCreatedAt(),
                                c.getUpdatedAt()));
        return fields.stream()
                .map(r -> new CustomFieldView(
                        r.getCustomFieldId(),
                        r.getLabel(),
                        r.getName(),
                        r.getType(),
                        r.getMetadata() == null
                                ? null
                                : json.readValue(r.getMetadata(), CustomFieldView.Metadata.class),
                        r.getVersion(),
                        FieldType.valueOf(r.getType().toUpperCase(Locale.ROOT)).hasChoices()
                                ? choices.getOrDefault(r.getCustomFieldId(), List.of())
                                : null,
                        r.getCreatedAt(),
                        r.getUpdatedAt()))
                .toList();
    }
}
