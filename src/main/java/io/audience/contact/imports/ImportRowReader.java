package io.audience.contact.imports;

import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.consent.EmailAddresses;
import io.audience.contact.ContactDraft;
import io.audience.contact.ContactFields;
import io.audience.customfield.FieldValue;
import io.audience.customfield.FieldsByName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one import row given as the vendor's column names ({@code email}, {@code first_name},
 * {@code home_phone}, {@code work_city}, {@code cf:<name>}, ...) into what is staged for it; a row
 * that cannot be imported throws {@link ValidationFailed} with the reason, which the row keeps.
 */
final class ImportRowReader {

    static final int MAX_CUSTOM_FIELDS = 25;
    private static final Set<String> BASIC = Set.of(
            "email",
            "first_name",
            "last_name",
            "job_title",
            "company_name",
            "birthday_month",
            "birthday_day",
            "anniversary");
    private static final List<String> PHONE_KINDS = ContactFields.PHONE_KINDS;
    private static final List<String> ADDRESS_KINDS = ContactFields.ADDRESS_KINDS;
    private static final List<String> ADDRESS_PARTS = List.of("street", "street2", "city", "state", "zip", "country");
    private static final Set<String> UNSUPPORTED = Set.of("sms_number", "sms_consent_date");

    /** Phones, addresses and custom field values of a row; staged only when it has some. */
    record Extras(List<ContactDraft.Phone> phones, List<ContactDraft.Address> addresses, List<FieldValue> fields) {}

    record Read(
            String emailKey,
            String emailAddress,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String jobTitle,
            @Nullable String companyName,
            @Nullable Integer birthdayMonth,
            @Nullable Integer birthdayDay,
            @Nullable LocalDate anniversary,
            @Nullable Extras extras) {}

    private final FieldsByName fields;

    /** Every column a file may have besides custom fields, in the order a person would look for them. */
    static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(
                "email",
                "first_name",
                "last_name",
                "job_title",
                "company_name",
                "birthday_month",
                "birthday_day",
                "anniversary",
                "phone"));
        PHONE_KINDS.forEach(kind -> columns.add(kind + "_phone"));
        columns.addAll(ADDRESS_PARTS);
        ADDRESS_KINDS.forEach(kind -> ADDRESS_PARTS.forEach(part -> columns.add(kind + "_" + part)));
        return List.copyOf(columns);
    }

    ImportRowReader(FieldsByName fields) {
        this.fields = fields;
    }

    /** Why a column cannot be imported, or null when it can (checked once for a CSV header). */
    @Nullable
    String columnProblem(String column) {
        if (BASIC.contains(column) || phoneKind(column) != null || addressColumn(column) != null) {
            return null;
        }
        if (column.startsWith("cf:")) {
            return fields.field(column.substring(3)).isPresent()
                    ? null
                    : "column " + column + ": this account has no custom field named \"" + column.substring(3) + "\"";
        }
        if (UNSUPPORTED.contains(column)) {
            return "column " + column + ": Audience does not keep SMS numbers; remove the column";
        }
        return "unknown column \"" + column + "\"; columns are the vendor's: email, first_name, last_name, job_title,"
                + " company_name, birthday_month, birthday_day, anniversary, phone, home_phone, work_phone,"
                + " mobile_phone, other_phone, street, street2, city, state, zip, country (also prefixed home_, work_,"
                + " other_) and cf:<custom field name>";
    }

    Read read(Map<String, @Nullable String> row) {
        ImportCells.check(row);
        boolean beyondBasics = false;
        for (String column : row.keySet()) {
            if (BASIC.contains(column)) {
                continue;
            }
            beyondBasics = true;
            String problem = columnProblem(column);
            if (problem != null) {
                throw new ValidationFailed(problem);
            }
        }
        String email = blankToNull(row.get("email"));
        if (email == null) {
            throw new ValidationFailed("email is required");
        }
        String display = EmailAddresses.display("email", email);
        String key = EmailAddresses.key("email", email);
        Integer month = number("birthday_month", row.get("birthday_month"));
        Integer day = number("birthday_day", row.get("birthday_day"));
        ContactFields.birthday(month, day);
        LocalDate anniversary = ContactFields.anniversary(blankToNull(row.get("anniversary")));
        return new Read(
                key,
                display,
                text(row, "first_name", ContactFields.NAME_MAX),
                text(row, "last_name", ContactFields.NAME_MAX),
                text(row, "job_title", ContactFields.NAME_MAX),
                text(row, "company_name", ContactFields.NAME_MAX),
                month,
                day,
                anniversary,
                beyondBasics ? extras(row) : null);
    }

    private @Nullable Extras extras(Map<String, @Nullable String> row) {
        List<ContactDraft.Phone> phones = new ArrayList<>();
        List<ContactDraft.Address> addresses = new ArrayList<>();
        List<FieldValue> values = new ArrayList<>();
        for (String kind : PHONE_KINDS) {
            String number = text(row, kind + "_phone", ContactFields.PHONE_NUMBER_MAX);
            String plain = kind.equals("other") ? text(row, "phone", ContactFields.PHONE_NUMBER_MAX) : null;
            if (number != null && plain != null && !number.equals(plain)) {
                throw new ValidationFailed("phone and other_phone are both the other phone; send one of them");
            }
            String phone = number != null ? number : plain;
            if (phone != null) {
                phones.add(new ContactDraft.Phone(phone, kind));
            }
        }
        ContactFields.phoneCount("phone columns", phones.size());
        for (String kind : ADDRESS_KINDS) {
            ContactDraft.Address address = address(row, kind, kind + "_");
            if (kind.equals("home")) {
                ContactDraft.Address plain = address(row, kind, "");
                if (address != null && plain != null) {
                    throw new ValidationFailed("street, city, ... and home_street, home_city, ... are both the home"
                            + " address; send one of them");
                }
                address = address != null ? address : plain;
            }
            if (address != null) {
                addresses.add(address);
            }
        }
        for (Map.Entry<String, String> cell : row.entrySet()) {
            if (cell.getKey().startsWith("cf:")
                    && cell.getValue() != null
                    && !cell.getValue().isEmpty()) {
                values.add(fields.value(
                        cell.getKey(), cell.getKey().substring(3), Text.printable(cell.getKey(), cell.getValue())));
            }
        }
        if (values.size() > MAX_CUSTOM_FIELDS) {
            throw new ValidationFailed(
                    "a contact has at most " + MAX_CUSTOM_FIELDS + " custom fields; this row sets " + values.size());
        }
        return phones.isEmpty() && addresses.isEmpty() && values.isEmpty()
                ? null
                : new Extras(phones, addresses, values);
    }

    private static ContactDraft.@Nullable Address address(
            Map<String, @Nullable String> row, String kind, String prefix) {
        String street = text(row, prefix + "street", ContactFields.STREET_MAX);
        String street2 = text(row, prefix + "street2", ContactFields.STREET_MAX);
        if (street2 != null) {
            street = street == null ? street2 : street + ", " + street2;
            if (street.length() > ContactFields.STREET_MAX) {
                throw new ValidationFailed(
                        prefix + "street and " + prefix + "street2 together must be at most 255" + " characters");
            }
        }
        String city = text(row, prefix + "city", ContactFields.ADDRESS_PART_MAX);
        String state = text(row, prefix + "state", ContactFields.ADDRESS_PART_MAX);
        String zip = text(row, prefix + "zip", ContactFields.ADDRESS_PART_MAX);
        String country = text(row, prefix + "country", ContactFields.ADDRESS_PART_MAX);
        if (street == null && city == null && state == null && zip == null && country == null) {
            return null;
        }
        return new ContactDraft.Address(kind, street, city, state, zip, country);
    }

    private static @Nullable String phoneKind(String column) {
        if (column.equals("phone")) {
            return "other";
        }
        for (String kind : PHONE_KINDS) {
            if (column.equals(kind + "_phone")) {
                return kind;
            }
        }
        return null;
    }

    private static @Nullable String addressColumn(String column) {
        for (String part : ADDRESS_PARTS) {
            if (column.equals(part)) {
                return part;
            }
            for (String kind : ADDRESS_KINDS) {
                if (column.equals(kind + "_" + part)) {
                    return part;
                }
            }
        }
        return null;
    }

    private static @Nullable Integer number(String column, @Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationFailed(column + " must be a whole number, not " + text);
        }
    }

    private static @Nullable String text(Map<String, @Nullable String> row, String column, int max) {
        String value = blankToNull(row.get(column));
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new ValidationFailed(column + " must be at most " + max + " characters, not " + value.length());
        }
        return Text.printable(column, value);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
