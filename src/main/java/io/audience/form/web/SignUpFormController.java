package io.audience.form.web;

import io.audience.api.BoundedIds;
import io.audience.api.Caller;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.form.FormRules;
import io.audience.form.SignUpForm;
import io.audience.form.SignUpFormInput;
import io.audience.form.SignUpForms;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Hosted sign-up forms (an extension): /v3/sign_up_forms. */
@RestController
@Requires(Privilege.CONTACTS_WRITE)
class SignUpFormController {

    private final SignUpForms forms;
    private final FormMarkup markup;

    SignUpFormController(SignUpForms forms, FormMarkup markup) {
        this.forms = forms;
        this.markup = markup;
    }

    /** The body of POST and PUT: the whole definition. */
    record FormBody(
            @Nullable String name,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listIds,

            @Nullable String consentText,
            @Nullable List<@Nullable FieldBody> fields,
            @Nullable String successMessage,
            @Nullable String redirectUrl,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> allowedOrigins) {

        SignUpFormInput command() {
            return new SignUpFormInput(
                    FormRules.name(name),
                    FormRules.listIds(listIds),
                    FormRules.consentText(consentText),
                    FormRules.fields(fieldInputs()),
                    FormRules.successMessage(successMessage),
                    FormRules.redirectUrl(redirectUrl),
                    FormRules.allowedOrigins(allowedOrigins));
        }

        private @Nullable List<SignUpFormInput.Field> fieldInputs() {
            if (fields == null) {
                return null;
            }
            List<SignUpFormInput.Field> out = new ArrayList<>();
            for (FieldBody field : fields) {
                if (field == null) {
                    throw new ValidationFailed("fields must not hold null");
                }
                out.add(new SignUpFormInput.Field(
                        field.name(),
                        field.customFieldId() == null ? null : customFieldId(field.customFieldId()),
                        field.label(),
                        Boolean.TRUE.equals(field.required())));
            }
            return out;
        }

        private static UUID customFieldId(String value) {
            try {
                if (value.length() != 36) {
                    throw new IllegalArgumentException();
                }
                return UUID.fromString(value);
            } catch (IllegalArgumentException notAnId) {
                throw new ValidationFailed("fields.custom_field_id must be a custom field's id");
            }
        }
    }

    record FieldBody(
            @Nullable String name,
            @Nullable String customFieldId,
            @Nullable String label,
            @Nullable Boolean required) {}

    record FormList(List<FormResource> signUpForms) {}

    @PostMapping(path = "/v3/sign_up_forms", consumes = "application/json")
    ResponseEntity<FormResource> create(Caller caller, @RequestBody FormBody body) {
        SignUpForm form = forms.create(caller.accountId(), body.command());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(FormResource.of(form, markup, forms.versions(caller.accountId(), form.formId())));
    }

    @Requires(Privilege.CONTACTS_READ)
    @GetMapping("/v3/sign_up_forms")
    FormList list(Caller caller) {
        return new FormList(forms.list(caller.accountId()).stream()
                .map(form -> FormResource.of(form, markup, null))
                .toList());
    }

    @Requires(Privilege.CONTACTS_READ)
    @GetMapping("/v3/sign_up_forms/{form_id}")
    FormResource get(Caller caller, @PathVariable("form_id") String formId) {
        UUID id = Limits.uuid("sign_up_form", formId);
        return FormResource.of(forms.get(caller.accountId(), id), markup, forms.versions(caller.accountId(), id));
    }

    @PutMapping(path = "/v3/sign_up_forms/{form_id}", consumes = "application/json")
    FormResource replace(Caller caller, @PathVariable("form_id") String formId, @RequestBody FormBody body) {
        UUID id = Limits.uuid("sign_up_form", formId);
        SignUpFormInput input = body.command();
        return FormResource.of(
                forms.replace(caller.accountId(), id, input), markup, forms.versions(caller.accountId(), id));
    }

    @DeleteMapping("/v3/sign_up_forms/{form_id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("form_id") String formId) {
        forms.delete(caller.accountId(), Limits.uuid("sign_up_form", formId));
        return ResponseEntity.noContent().build();
    }
}
