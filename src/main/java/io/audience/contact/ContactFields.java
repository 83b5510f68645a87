package io.audience.contact;

import io.audience.api.ValidationFailed;
import io.audience.api.VendorDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a contact's fields, one set for every way in: the API's validation
 * ({@code contact/web/ContactValidation}) and imports ({@code contact/imports/ImportRowReader}).
 * Each check throws {@link ValidationFailed} naming the field as the caller calls it.
 */
public final class ContactFields {

    /** first_name, last_name, job_title, company_name. */
    public static final int NAME_MAX = 50;

    public static final int PHONE_NUMBER_MAX = 25;
    public static final int STREET_MAX = 255;
    /** city, state, postal code, country. */
    public static final int ADDRESS_PART_MAX = 50;
    /** A contact has at most this many phone numbers, and as many street addresses. */
    public static final int MAX_EACH = 3;

    public static final List<String> PHONE_KINDS = List.of("home", "work", "mobile", "other");
    public static final List<String> ADDRESS_KINDS = List.of("home", "work", "other");

    private ContactFields() {}

    /** A birthday is a month and a day sent together, that exist in a leap year (2/29 does, 2/30 does not). */
    public static void birthday(@Nullable Integer month, @Nullable Integer day) {
        if (month == null && day == null) {
            return;
        }
        if (month == null || day == null) {
            throw new ValidationFailed("birthday_month and birthday_day must be sent together");
        }
        if (month < 1 || month > 12) {
            throw new ValidationFailed("birthday_month must be from 1 to 12, not " + month);
        }
        try {
            MonthDay.of(month, day);
        } catch (DateTimeException e) {
            throw new ValidationFailed("birthday_day " + day + " does not exist in month " + month);
        }
    }

    /** An anniversary in one of the vendor's date formats; empty is none. */
    public static @Nullable LocalDate anniversary(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return VendorDates.parse(value)
                .orElseThrow(() -> new ValidationFailed(
                        "anniversary must be a date as " + VendorDates.FORMATS + ", not " + value));
    }

    /** At most {@link #MAX_EACH} phone numbers. */
    public static void phoneCount(String field, int count) {
        if (count > MAX_EACH) {
            throw new ValidationFailed(field + ": a contact has at most " + MAX_EACH + " phone numbers, not " + count);
        }
    }

    /** At most {@link #MAX_EACH} street addresses. */
    public static void addressCount(String field, int count) {
        if (count > MAX_EACH) {
            throw new ValidationFailed(
                    field + ": a contact has at most " + MAX_EACH + " street addresses, not " + count);
        }
    }
}
