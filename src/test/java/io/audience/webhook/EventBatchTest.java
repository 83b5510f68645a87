package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventBatchTest {

    private static final UUID ACTIVITY = UUID.randomUUID();
    private static final EventBatch BATCH = new EventBatch(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "import_row",
            ACTIVITY,
            1000,
            2000,
            1500,
            77L,
            List.of(),
            true,
            List.of(UUID.randomUUID()),
            List.of(11L, 12L, 13L, 14L, 15L, 16L),
            OffsetDateTime.parse("2026-12-07T12:00:00Z"));

    @Test
    void aRowWaitsOnlyInItsOwnBatchFromTheNextItemOnAndWhenItsTransactionDecidedIt() {
        assertThat(BATCH.waits(new StagedRow("import_row", ACTIVITY, 1500, 77L)))
                .isTrue();
        assertThat(BATCH.waits(new StagedRow("import_row", ACTIVITY, 1999, 77L)))
                .isTrue();
        assertThat(BATCH.waits(new StagedRow("import_row", ACTIVITY, 1499, 77L)))
                .as("already made into events")
                .isFalse();
        assertThat(BATCH.waits(new StagedRow("import_row", ACTIVITY, 2000, 77L)))
                .as("the next chunk's")
                .isFalse();
        assertThat(BATCH.waits(new StagedRow("import_row", ACTIVITY, 1600, 78L)))
                .as("decided by another transaction (a chunk run again)")
                .isFalse();
        assertThat(BATCH.waits(new StagedRow("import_row", UUID.randomUUID(), 1600, 77L)))
                .as("another import's")
                .isFalse();
        assertThat(BATCH.waits(new StagedRow("suppression_row", ACTIVITY, 1600, 77L)))
                .as("another staging table's row with the same numbers")
                .isFalse();
    }

    @Test
    void aRowsEventsQueueInTheOrderTheyHappenToIt() {
        assertThat(BATCH.seq(EventType.CONTACT_CREATED)).isLessThan(BATCH.seq(EventType.CONSENT_CHANGED));
        assertThat(BATCH.seq(EventType.CONSENT_CHANGED)).isLessThan(BATCH.seq(EventType.LIST_MEMBERSHIP_ADDED));
        assertThat(BATCH.seq(EventType.CONTACT_UPDATED)).isLessThan(BATCH.seq(EventType.LIST_MEMBERSHIP_ADDED));
        assertThat(BATCH.seq(EventType.CONTACT_REVIVED)).isLessThan(BATCH.seq(EventType.LIST_MEMBERSHIP_ADDED));
        assertThatThrownBy(() -> BATCH.seq(EventType.CONTACT_ERASED)).isInstanceOf(IllegalArgumentException.class);
    }
}
