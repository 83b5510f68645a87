package io.audience.form;

import static io.audience.db.Tables.SIGN_UP_FORM;
import static io.audience.db.Tables.SIGN_UP_FORM_FIELD;
import static io.audience.db.Tables.SIGN_UP_FORM_VERSION;

import io.audience.db.tables.records.SignUpFormRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class SignUpFormRepository {

    private final DSLContext db;

    SignUpFormRepository(DSLContext db) {
        this.db = db;
    }

    void insert(SignUpForm form) {
        db.insertInto(SIGN_UP_FORM)
                .set(SIGN_UP_FORM.ACCOUNT_ID, form.accountId())
                .set(SIGN_UP_FORM.FORM_ID, form.formId())
                .set(SIGN_UP_FORM.NAME, form.name())
                .set(SIGN_UP_FORM.LIST_IDS, form.listIds().toArray(UUID[]::new))
                .set(SIGN_UP_FORM.SUCCESS_MESSAGE, form.successMessage())
                .set(SIGN_UP_FORM.REDIRECT_URL, form.redirectUrl())
                .set(SIGN_UP_FORM.ALLOWED_ORIGINS, form.allowedOrigins().toArray(String[]::new))
                .set(SIGN_UP_FORM.CURRENT_VERSION, form.version())
                .set(SIGN_UP_FORM.CREATED_AT, form.createdAt())
                .set(SIGN_UP_FORM.UPDATED_AT, form.updatedAt())
                .execute();
        insertFields(form);
        insertVersion(form);
    }

    /** Replaces the definition; the wording's version row is added when the version is new. */
    void update(SignUpForm form, boolean newVersion) {
        db.update(SIGN_UP_FORM)
                .set(SIGN_UP_FORM.NAME, form.name())
                .set(SIGN_UP_FORM.LIST_IDS, form.listIds().toArray(UUID[]::new))
                .set(SIGN_UP_FORM.SUCCESS_MESSAGE, form.successMessage())
                .set(SIGN_UP_FORM.REDIRECT_URL, form.redirectUrl())
                .set(SIGN_UP_FORM.ALLOWED_ORIGINS, form.allowedOrigins().toArray(String[]::new))
                .set(SIGN_UP_FORM.CURRENT_VERSION, form.version())
                .set(SIGN_UP_FORM.UPDATED_AT, form.updatedAt())
                .where(SIGN_UP_FORM.ACCOUNT_ID.eq(form.accountId()), SIGN_UP_FORM.FORM_ID.eq(form.formId()))
                .execute();
        db.deleteFrom(SIGN_UP_FORM_FIELD)
                .where(SIGN_UP_FORM_FIELD.ACCOUNT_ID.eq(form.accountId()), SIGN_UP_FORM_FIELD.FORM_ID.eq(form.formId()))
                .execute();
        insertFields(form);
        if (newVersion) {
            insertVersion(form);
        }
    }

    /** A live form of the account, its row locked when {@code forUpdate}. */
    Optional<SignUpForm> find(UUID accountId, UUID formId, boolean forUpdate) {
        var query = db.selectFrom(SIGN_UP_FORM)
                .where(
                        SIGN_UP_FORM.ACCOUNT_ID.eq(accountId),
                        SIGN_UP_FORM.FORM_ID.eq(formId),
                        SIGN_UP_FORM.DELETED_AT.isNull());
        Optional<SignUpFormRecord> row = forUpdate ? query.forUpdate().fetchOptional() : query.fetchOptional();
        return row.map(r -> assemble(List.of(r)).get(0));
    }

    /** Any form by its id alone, deleted ones too (the public page tells them apart). */
    Optional<SignUpFormRecord> byId(UUID formId) {
        return db.selectFrom(SIGN_UP_FORM)
                .where(SIGN_UP_FORM.FORM_ID.eq(formId))
                .fetchOptional();
    }

    Optional<SignUpForm> assembled(SignUpFormRecord row) {
        return Optional.of(assemble(List.of(row)).get(0));
    }

    List<SignUpForm> list(UUID accountId) {
        return assemble(db.selectFrom(SIGN_UP_FORM)
                .where(SIGN_UP_FORM.ACCOUNT_ID.eq(accountId), SIGN_UP_FORM.DELETED_AT.isNull())
                .orderBy(SIGN_UP_FORM.FORM_ID)
                .fetch());
    }

    int count(UUID accountId) {
        return db.fetchCount(SIGN_UP_FORM, SIGN_UP_FORM.ACCOUNT_ID.eq(accountId).and(SIGN_UP_FORM.DELETED_AT.isNull()));
    }

    List<SignUpForm.Version> versions(UUID accountId, UUID formId) {
        return db.selectFrom(SIGN_UP_FORM_VERSION)
                .where(SIGN_UP_FORM_VERSION.ACCOUNT_ID.eq(accountId), SIGN_UP_FORM_VERSION.FORM_ID.eq(formId))
                .orderBy(SIGN_UP_FORM_VERSION.VERSION)
                .fetch(r -> new SignUpForm.Version(r.getVersion(), r.getConsentText(), r.getCreatedAt()));
    }

    boolean delete(UUID accountId, UUID formId, OffsetDateTime now) {
        return db.update(SIGN_UP_FORM)
                        .set(SIGN_UP_FORM.DELETED_AT, now)
                        .set(SIGN_UP_FORM.UPDATED_AT, now)
                        .where(
                                SIGN_UP_FORM.ACCOUNT_ID.eq(accountId),
                                SIGN_UP_FORM.FORM_ID.eq(formId),
                                SIGN_UP_FORM.DELETED_AT.isNull())
                        .execute()
                == 1;
    }

    private void insertFields(SignUpForm form) {
        List<FormField> fields = form.fields();
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            db.insertInto(SIGN_UP_FORM_FIELD)
                    .set(SIGN_UP_FORM_FIELD.ACCOUNT_ID, form.accountId())
                    .set(SIGN_UP_FORM_FIELD.FORM_ID, form.formId())
                    .set(SIGN_UP_FORM_FIELD.POSITION, i)
                    .set(SIGN_UP_FORM_FIELD.FIELD_NAME, field.name())
                    .set(SIGN_UP_FORM_FIELD.CUSTOM_FIELD_ID, field.customFieldId())
                    .set(SIGN_UP_FORM_FIELD.LABEL, field.label())
                    .set(SIGN_UP_FORM_FIELD.REQUIRED, field.required())
                    .execute();
        }
    }

    private void insertVersion(SignUpForm form) {
        db.insertInto(SIGN_UP_FORM_VERSION)
                .set(SIGN_UP_FORM_VERSION.ACCOUNT_ID, form.accountId())
                .set(SIGN_UP_FORM_VERSION.FORM_ID, form.formId())
                .set(SIGN_UP_FORM_VERSION.VERSION, form.version())
                .set(SIGN_UP_FORM_VERSION.CONSENT_TEXT, form.consentText())
                .set(SIGN_UP_FORM_VERSION.CREATED_AT, form.updatedAt())
                .execute();
    }

    /** Forms with their fields and current wording, read in two statements for any number of forms. */
    private List<SignUpForm> assemble(List<SignUpFormRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID accountId = rows.get(0).getAccountId();
        List<UUID> ids = rows.stream().map(SignUpFormRecord::getFormId).toList();
        Map<UUID, List<FormField>> fields = db
                .selectFrom(SIGN_UP_FORM_FIELD)
                .where(SIGN_UP_FORM_FIELD.ACCOUNT_ID.eq(accountId), SIGN_UP_FORM_FIELD.FORM_ID.in(ids))
                .orderBy(SIGN_UP_FORM_FIELD.FORM_ID, SIGN_UP_FORM_FIELD.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        f -> f.getFormId(),
                        Collectors.mapping(
                                f -> new FormField(
                                        f.getFieldName(), f.getCustomFieldId(), f.getLabel(), f.getRequired()),
                                Collectors.toList())));
        Map<UUID, String> texts = db.select(SIGN_UP_FORM_VERSION.FORM_ID, SIGN_UP_FORM_VERSION.CONSENT_TEXT)
                .from(SIGN_UP_FORM_VERSION)
                .join(SIGN_UP_FORM)
                .on(
                        SIGN_UP_FORM.ACCOUNT_ID.eq(SIGN_UP_FORM_VERSION.ACCOUNT_ID),
                        SIGN_UP_FORM.FORM_ID.eq(SIGN_UP_FORM_VERSION.FORM_ID),
                        SIGN_UP_FORM.CURRENT_VERSION.eq(SIGN_UP_FORM_VERSION.VERSION))
                .where(SIGN_UP_FORM_VERSION.ACCOUNT_ID.eq(accountId), SIGN_UP_FORM_VERSION.FORM_ID.in(ids))
                .fetchMap(SIGN_UP_FORM_VERSION.FORM_ID, SIGN_UP_FORM_VERSION.CONSENT_TEXT);
        List<SignUpForm> forms = new ArrayList<>();
        for (SignUpFormRecord r : rows) {
            forms.add(new SignUpForm(
                    r.getAccountId(),
                    r.getFormId(),
                    r.getName(),
                    Arrays.asList(r.getListIds()),
                    texts.getOrDefault(r.getFormId(), ""),
                    r.getCurrentVersion(),
                    fields.getOrDefault(r.getFormId(), List.of()),
                    r.getSuccessMessage(),
                    r.getRedirectUrl(),
                    Arrays.asList(r.getAllowedOrigins()),
                    r.getCreatedAt(),
                    r.getUpdatedAt()));
        }
        return forms;
    }
}
