package io.audience.contact;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts counted for the console's dashboard: by state now, and created or deleted per day. */
@Service
public class ContactStatistics {

    private final StatisticsRepository statistics;

    ContactStatistics(StatisticsRepository statistics) {
        this.statistics = statistics;
    }

    /** Per UTC day since a time: contacts created, and contacts deleted (and not restored since). */
    public record PerDay(Map<LocalDate, Integer> created, Map<LocalDate, Integer> deleted) {}

    @Transactional(readOnly = true)
    public ContactsByState byState(UUID accountId) {
        return statistics.byState(accountId);
    }

    @Transactional(readOnly = true)
    public PerDay perDay(UUID accountId, OffsetDateTime since) {
        return new PerDay(statistics.createdPerDay(accountId, since), statistics.deletedPerDay(accountId, since));
    }

    /** Which of these ids are contacts of the account (deleted ones included; erased ones are gone). */
    @Transactional(readOnly = true)
    public Set<UUID> existing(UUID accountId, Collection<UUID> contactIds) {
        return statistics.existing(accountId, contactIds);
    }
}
