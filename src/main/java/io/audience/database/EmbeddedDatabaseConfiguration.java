package io.audience.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** With no database URL configured, Audience runs its own PostgreSQL in the data folder. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlConfigured.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresLauncher.Embedded embeddedPostgres(@Value("${audience.data-dir}") Path dataDir) {
        return new EmbeddedPostgresLauncher(dataDir).start();
    }

    /** The service connects as its own role, which owns the schema and is not a superuser. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresLauncher.Embedded postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("audience-embedded");
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(16);
        return dataSource;
    }
}
