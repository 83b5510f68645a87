package io.audience.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The consent history across all addresses of an account: the latest changes, opt-outs per day. */
@Service
public class ConsentReports {

    private final ReportsRepository reports;

    ConsentReports(ReportsRepository reports) {
        this.reports = reports;
    }

    @Transactional(readOnly = true)
    public List<AddressEvent> latest(UUID accountId, int limit) {
        return reports.latest(accountId, limit);
    }

    /** Addresses that changed to unsubscribed, per UTC day since {@code since}. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Integer> optOutsPerDay(UUID accountId, OffsetDateTime since) {
        return reports.optOutsPerDay(accountId, since);
    }
}
