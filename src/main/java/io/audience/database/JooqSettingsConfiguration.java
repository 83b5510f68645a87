package io.audience.database;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JooqSettingsConfiguration {

    /** jOOQ's per-statement logging listener costs CPU on every query even when DEBUG is off. */
    @Bean
    DefaultConfigurationCustomizer quietJooq() {
        return configuration -> configuration.settings().withExecuteLogging(false);
    }
}
