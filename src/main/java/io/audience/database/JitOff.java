package io.audience.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;

/**
 * Every connection of the service runs with PostgreSQL's JIT off: it compiled the import's set
 * statements and the hot lookups for longer than they ran (bench/README.md), and no query here
 * gains from it. Set on the pool before anything binds or starts it, embedded or configured: as a
 * {@code spring.datasource.hikari.connection-init-sql} property it made the service fail to start
 * when {@code SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT} was set (binding that variable reads the
 * pool's {@code connection} property, which starts the pool and seals its configuration). An
 * operator's own init SQL is kept.
 */
@Component
final class JitOff implements BeanPostProcessor, PriorityOrdered {

    static final String SQL = "SET jit = off";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(SQL);
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
