package io.audience.auth;

import static io.audience.db.Tables.OAUTH2_AUTHORIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GrantHousekeepingIntegrationTest extends IntegrationTest {

    @Autowired
    GrantHousekeeping housekeeping;

    @Test
    void grantsWhoseTokensAllExpiredOverADayAgoAreDeletedAndLiveOnesKept() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String expired = grant(now.minusDays(3), now.minusDays(2));
        String refreshable = grant(now.minusDays(3), now.plusDays(30));
        String recent = grant(now.minusHours(2), null);

        housekeeping.purge(OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(db.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq(expired)))
                .isFalse();
        assertThat(db.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq(refreshable)))
                .isTrue();
        assertThat(db.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq(recent)))
                .isTrue();
    }

    private String grant(OffsetDateTime accessExpires, OffsetDateTime refreshExpires) {
        String id = UUID.randomUUID().toString();
        db.insertInto(OAUTH2_AUTHORIZATION)
                .set(OAUTH2_AUTHORIZATION.ID, id)
                .set(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID, "housekeeping-test")
                .set(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME, "nobody")
                .set(OAUTH2_AUTHORIZATION.AUTHORIZATION_GRANT_TYPE, "authorization_code")
                .set(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT, accessExpires)
                .set(OAUTH2_AUTHORIZATION.REFRESH_TOKEN_EXPIRES_AT, refreshExpires)
                .execute();
        return id;
    }
}
