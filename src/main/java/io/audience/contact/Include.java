package io.audience.contact;

import io.audience.api.ValidationFailed;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The sub-resources {@code include=} can ask for. */
public enum Include {
    CUSTOM_FIELDS,
    LIST_MEMBERSHIPS,
    PHONE_NUMBERS,
    STREET_ADDRESSES,
    TAGGINGS,
    NOTES;

    public static Set<Include> parse(@Nullable String csv) {
        Set<Include> result = EnumSet.noneOf(Include.class);
        if (csv == null || csv.isBlank()) {
            return result;
        }
        for (String part : csv.split(",")) {
            String name = part.strip();
            try {
                result.add(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("include accepts custom_fields, list_memberships, phone_numbers,"
                        + " street_addresses, taggings and notes, not " + name);
            }
        }
        return result;
    }
}
