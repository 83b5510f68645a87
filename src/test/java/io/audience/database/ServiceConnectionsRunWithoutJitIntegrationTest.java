package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.audience.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** PostgreSQL's JIT cost the import more than it gave (bench/README.md): the service's connections run without it. */
class ServiceConnectionsRunWithoutJitIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyConnectionOfTheServicesPoolHasJitOff() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionInitSql())
                .isEqualTo(JitOff.SQL);
        for (int i = 0; i < 3; i++) {
            assertThat(db.fetchValue("show jit")).isEqualTo("off");
        }
    }
}
