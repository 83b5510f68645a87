package io.audience.auth;

import io.audience.scheduling.Retention;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Grants whose every token has expired are deleted with the other expired data. */
@Component
class GrantHousekeeping implements Retention {

    private final ExpiredGrantRepository expired;
    private final TokenPolicy tokens;

    GrantHousekeeping(ExpiredGrantRepository expired, TokenPolicy tokens) {
        this.expired = expired;
        this.tokens = tokens;
    }

    @Override
    public String describe() {
        return "expired OAuth grants";
    }

    @Override
    @Transactional
    public int purge(OffsetDateTime now) {
        return expired.delete(now, tokens.refreshTokenTtl());
    }
}
