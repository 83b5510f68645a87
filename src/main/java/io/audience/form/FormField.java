package io.audience.form;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One field a form asks besides the email address: a contact field by its wire name, or a custom
 * field by its id; with the label the person sees and whether they must fill it.
 */
public record FormField(@Nullable String name, @Nullable UUID customFieldId, String label, boolean required) {

    /** The input's name in the page's HTML form: the contact field's name, or {@code cf_} and the id. */
    public String inputName() {
        return customFieldId != null ? "cf_" + customFieldId : java.util.Objects.requireNonNull(name);
    }
}
