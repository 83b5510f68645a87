package io.audience.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** The date formats the vendor accepts: MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD, YYYY-MM-DD, MM-DD-YYYY and the short forms. */
public final class VendorDates {

    public static final String FORMATS =
            "MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD, YYYY/M/D, YYYY-MM-DD, YYYY-M-D," + " MM-DD-YYYY or M-D-YYYY";

    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M-d-uuuu").withResolverStyle(ResolverStyle.STRICT));

    private VendorDates() {}

    public static Optional<LocalDate> parse(String value) {
        if (value.length() > 10) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return Optional.of(LocalDate.parse(value, format));
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        return Optional.empty();
    }
}
