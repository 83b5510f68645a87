package io.audience.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
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
        // initdb starts its server through /bin/sh: where there is none, as in the container image, the
        // embedded database cannot be made, and saying so beats initdb's own failure.
        if (!Files.isExecutable(Path.of("/bin/sh")) && !Files.exists(dataDir.resolve("postgres/postgresql.conf"))) {
            throw new IllegalStateException("No database is configured, and the embedded PostgreSQL cannot be"
                    + " made here (it needs /bin/sh, which this system, such as the container image, does not"
                    + " have): set SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)"
                    + " to a PostgreSQL server");
        }
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
