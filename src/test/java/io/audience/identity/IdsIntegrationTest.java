package io.audience.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class IdsIntegrationTest extends IntegrationTest {

    @Test
    void idsMadeInSqlAreVersion7DistinctPerRowAndOfTheirMillisecond() {
        long before = System.currentTimeMillis();
        List<UUID> ids =
                db.select(Ids.nextInSql()).from(DSL.generateSeries(1, 2000)).fetch(0, UUID.class);
        long after = System.currentTimeMillis();

        assertThat(ids).doesNotHaveDuplicates().hasSize(2000);
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        });
        UUID java = Ids.next();
        assertThat(java.compareTo(ids.get(ids.size() - 1)))
                .as("a Java id made later sorts after")
                .isPositive();
    }
}
