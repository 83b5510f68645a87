package io.audience.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.audience.scheduling.Schedulers;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes expired grants every hour; every instance may run it, the deletes do not conflict. */
@Component
class GrantHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(GrantHousekeeping.class);

    private final ExpiredGrants expired;
    private final TokenPolicy tokens;

    GrantHousekeeping(ExpiredGrants expired, TokenPolicy tokens) {
        this.expired = expired;
        this.tokens = tokens;
    }

    @Scheduled(fixedDelayString = "${audience.oauth.cleanup-interval:1h}", initialDelayString = "1m",
            scheduler = Schedulers.HOUSEKEEPING)
    @Transactional
    public void deleteExpired() {
        int deleted = expired.delete(OffsetDateTime.now(ZoneOffset.UTC), tokens.refreshTokenTtl());
        if (deleted > 0) {
            log.info("Deleted {} expired OAuth grants", deleted);
        }
    }
}
