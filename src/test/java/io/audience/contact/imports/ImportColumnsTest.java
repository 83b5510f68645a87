package io.audience.contact.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.customfield.FieldsByNameFixtures;
import org.junit.jupiter.api.Test;

class ImportColumnsTest {

    @Test
    void everyColumnTheConsoleOffersIsOneAFileMayHave() {
        ImportRowReader reader = new ImportRowReader(FieldsByNameFixtures.shoeSizeAndColour());
        assertThat(ContactImports.columns()).contains("email", "first_name", "phone", "work_city", "other_zip");
        for (String column : ContactImports.columns()) {
            assertThat(reader.columnProblem(column)).as(column).isNull();
        }
    }
}
