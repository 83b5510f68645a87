package io.audience.form;

import io.audience.account.AccountService;
import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.customfield.CustomFieldService;
import io.audience.identity.Ids;
import io.audience.list.ListMemberships;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's hosted forms: create, read, replace (a new wording makes a new version) and delete. */
@Service
public class SignUpForms {

    /** More forms than any site has; a bound so one account cannot fill the table. */
    static final int FORMS_MAX = 1_000;

    private final SignUpFormRepository forms;
    private final ListMemberships lists;
    private final CustomFieldService customFields;
    private final AccountService accounts;
    private final Clock clock;

    SignUpForms(
            SignUpFormRepository forms,
            ListMemberships lists,
            CustomFieldService customFields,
            AccountService accounts,
            Clock clock) {
        this.forms = forms;
        this.lists = lists;
        this.customFields = customFields;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A form the public page shows: the live form, or a form that was deleted (the page says so). */
    public record PublicForm(SignUpForm form, boolean deleted) {}

    @Transactional
    public SignUpForm create(UUID accountId, SignUpFormInput input) {
        if (forms.count(accountId) >= FORMS_MAX) {
            throw new Conflict("This account has " + FORMS_MAX + " forms, the most it can have; delete one first");
        }
        OffsetDateTime now = now();
        SignUpForm form = form(accountId, Ids.next(), input, 1, now, now);
        forms.insert(form);
        return form;
    }

    @Transactional(readOnly = true)
    public SignUpForm get(UUID accountId, UUID formId) {
        return forms.find(accountId, formId, false).orElseThrow(() -> missing(formId));
    }

    @Transactional(readOnly = true)
    public List<SignUpForm> list(UUID accountId) {
        return forms.list(accountId);
    }

    @Transactional(readOnly = true)
    public List<SignUpForm.Version> versions(UUID accountId, UUID formId) {
        get(accountId, formId);
        return forms.versions(accountId, formId);
    }

    /** Replaces the whole definition; the wording gets a new version only when it changed. */
    @Transactional
    public SignUpForm replace(UUID accountId, UUID formId, SignUpFormInput input) {
        SignUpForm old = forms.find(accountId, formId, true).orElseThrow(() -> missing(formId));
        boolean reworded = !old.consentText().equals(input.consentText());
        SignUpForm form =
                form(accountId, formId, input, reworded ? old.version() + 1 : old.version(), old.createdAt(), now());
        forms.update(form, reworded);
        return form;
    }

    @Transactional
    public void delete(UUID accountId, UUID formId) {
        if (!forms.delete(accountId, formId, now())) {
            throw missing(formId);
        }
    }

    /** The form behind a public page's path, as written there; 404 for anything that is not a form's id. */
    @Transactional(readOnly = true)
    public PublicForm publicForm(String formId) {
        UUID id;
        try {
            if (formId.length() != 36) {
                throw new IllegalArgumentException();
            }
            id = UUID.fromString(formId);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("No form " + formId);
        }
        return publicForm(id);
    }

    /** The form behind a public page; 404 for no such form or a disabled account. */
    @Transactional(readOnly = true)
    public PublicForm publicForm(UUID formId) {
        PublicForm found = forms.byId(formId).orElseThrow(() -> new NotFound("No form " + formId));
        if (accounts.isDisabled(found.form().accountId())) {
            throw new NotFound("No form " + formId);
        }
        return found;
    }

    /** The form's lists that still exist, held for the sign-up's transaction. */
    @Transactional
    public List<UUID> liveLists(SignUpForm form) {
        Set<UUID> live = lists.live(form.accountId(), form.listIds());
        return form.listIds().stream().filter(live::contains).toList();
    }

    private SignUpForm form(
            UUID accountId,
            UUID formId,
            SignUpFormInput input,
            int version,
            OffsetDateTime created,
            OffsetDateTime now) {
        for (UUID listId : input.listIds()) {
            if (lists.live(accountId, List.of(listId)).isEmpty()) {
                throw new NotFound("No list " + listId + " in this account (list_ids)");
            }
        }
        List<FormField> fields = new ArrayList<>();
        for (SignUpFormInput.Field field : input.fields()) {
            String label = field.label();
            if (field.customFieldId() != null) {
                String own = customFieldLabel(accountId, field.customFieldId());
                label = label == null ? own : label;
            } else if (label == null) {
                label = FormRules.CONTACT_FIELDS.get(Objects.requireNonNull(field.name()));
            }
            fields.add(new FormField(
                    field.name(), field.customFieldId(), Objects.requireNonNull(label), field.required()));
        }
        return new SignUpForm(
                accountId,
                formId,
                input.name(),
                input.listIds(),
                input.consentText(),
                version,
                List.copyOf(fields),
                input.successMessage(),
                input.redirectUrl(),
                input.allowedOrigins(),
                created,
                now);
    }

    /** A form asks in a text box: a field with choices would need a list of them, so it is refused. */
    private String customFieldLabel(UUID accountId, UUID customFieldId) {
        io.audience.customfield.CustomFieldView field;
        try {
            field = customFields.get(accountId, customFieldId);
        } catch (NotFound unknown) {
            throw new NotFound("No custom field " + customFieldId + " in this account (fields)");
        }
        if (field.type().endsWith("_select")) {
            throw new io.audience.api.ValidationFailed("fields: custom field " + customFieldId + " is a " + field.type()
                    + " field; a form can ask string, number, currency, date and boolean fields");
        }
        return field.label();
    }

    private static NotFound missing(UUID formId) {
        return new NotFound("No sign-up form " + formId + " in this account");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
