package io.audience.contact;

import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.api.VendorDates;
import io.audience.consent.Source;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import org.jspecify.annotations.Nullable;

/** One contact of an import, in the vendor's JsonImportContact shape. */
record ImportRow(
        @Nullable String email,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String jobTitle,
        @Nullable String companyName,
        @Nullable Integer birthdayMonth,
        @Nullable Integer birthdayDay,
        @Nullable String anniversary) {

    ContactDraft draft() {
        if (email == null || email.isBlank()) {
            throw new ValidationFailed("email is required");
        }
        String display = EmailAddresses.display("email", email);
        String key = EmailAddresses.key("email", email);
        if ((birthdayMonth == null) != (birthdayDay == null)) {
            throw new ValidationFailed("birthday_month and birthday_day must be sent together");
        }
        if (birthdayMonth != null) {
            try {
                MonthDay.of(birthdayMonth, birthdayDay);
            } catch (DateTimeException e) {
                throw new ValidationFailed("birthday " + birthdayMonth + "/" + birthdayDay + " does not exist");
            }
        }
        LocalDate date = anniversary == null || anniversary.isEmpty() ? null : VendorDates.parse(anniversary)
                .orElseThrow(() -> new ValidationFailed("anniversary must be a date as " + VendorDates.FORMATS));
        return new ContactDraft(display, key, null, null, text("first_name", firstName), text("last_name", lastName),
                text("job_title", jobTitle), text("company_name", companyName), birthdayMonth, birthdayDay, date,
                Source.ACCOUNT, null, null, null, null, null, null);
    }

    private static @Nullable String text(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > 50) {
            throw new ValidationFailed(field + " must be at most 50 characters");
        }
        return Text.printable(field, value);
    }
}
