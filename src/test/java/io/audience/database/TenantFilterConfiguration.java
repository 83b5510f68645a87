package io.audience.database;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Installs {@link TenantFilterListener} in the jOOQ configuration of the service under test. */
@TestConfiguration(proxyBeanMethods = false)
public class TenantFilterConfiguration {

    @Bean
    ExecuteListenerProvider tenantFilter() {
        return new DefaultExecuteListenerProvider(new TenantFilterListener());
    }
}
