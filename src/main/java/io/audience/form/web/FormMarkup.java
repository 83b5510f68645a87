package io.audience.form.web;

import io.audience.api.PublicUrl;
import io.audience.form.FormField;
import io.audience.form.SignUpForm;
import io.audience.web.Pages;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A form's HTML: the snippet a site pastes (embed_html) and the same form on its hosted page. */
@Component
public class FormMarkup {

    private final Pages pages;
    private final PublicUrl publicUrl;

    FormMarkup(Pages pages, PublicUrl publicUrl) {
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    String url(SignUpForm form) {
        return publicUrl.of("/forms/" + form.formId());
    }

    /** Absolute addresses only, so the snippet works pasted into any site; no token in it. */
    String embed(SignUpForm form) {
        return pages.render(
                "forms/embed",
                Map.of(
                        "form",
                        form,
                        "action",
                        url(form),
                        "script",
                        publicUrl.of("/assets/audience-form.js"),
                        "idPrefix",
                        "audience-" + form.formId().toString().substring(0, 8)));
    }

    /** The browser's autofill name for a contact field; custom fields get none. */
    public static String autocomplete(FormField field) {
        if (field.name() == null) {
            return "off";
        }
        return switch (field.name()) {
            case "first_name" -> "given-name";
            case "last_name" -> "family-name";
            case "job_title" -> "organization-title";
            case "company_name" -> "organization";
            case "phone_number" -> "tel";
            default -> "off";
        };
    }
}
