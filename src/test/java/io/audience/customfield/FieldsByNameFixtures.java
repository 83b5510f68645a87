package io.audience.customfield;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Custom fields for unit tests of import rules, built as the service builds them. */
public final class FieldsByNameFixtures {

    private FieldsByNameFixtures() {}

    /** {@code shoe_size}, a number field, and {@code colour}, a multi-select of Red and Blue. */
    public static FieldsByName shoeSizeAndColour() {
        OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        UUID size = UUID.randomUUID();
        UUID colour = UUID.randomUUID();
        return new FieldsByName(List.of(
                new CustomFieldView(size, "Shoe size", "shoe_size", "number", null, null, null, now, now),
                new CustomFieldView(
                        colour,
                        "Colour",
                        "colour",
                        "multi_select",
                        null,
                        null,
                        List.of(
                                new CustomFieldView.Choice(colour, 1, "Red", 1, now, now),
                                new CustomFieldView.Choice(colour, 2, "Blue", 2, now, now)),
                        now,
                        now)));
    }
}
