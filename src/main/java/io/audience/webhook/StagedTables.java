package io.audience.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The modules that make batches' rows into events, by the staging table a batch names: contact
 * imports and suppression imports both tell webhooks through batches.
 */
@Component
class StagedTables {

    private final Map<String, BatchRows> byTable;

    StagedTables(List<BatchRows> rows) {
        this.byTable = rows.stream().collect(Collectors.toUnmodifiableMap(BatchRows::stagedIn, Function.identity()));
    }

    BatchRows of(EventBatch batch) {
        BatchRows rows = byTable.get(batch.stagedIn());
        if (rows == null) {
            throw new IllegalStateException("No module makes rows of " + batch.stagedIn() + " into events");
        }
        return rows;
    }

    /** The contact's rows waiting in the batches, each table asked for its own activities. */
    List<StagedRow> rowsOf(UUID accountId, List<EventBatch> pending, UUID contactId) {
        List<StagedRow> found = new ArrayList<>();
        byTable.forEach((table, rows) -> {
            Set<UUID> activities = new LinkedHashSet<>();
            pending.stream().filter(b -> b.stagedIn().equals(table)).forEach(b -> activities.add(b.activityId()));
            if (!activities.isEmpty()) {
                found.addAll(rows.rowsOf(accountId, activities, contactId));
            }
        });
        return found;
    }
}
