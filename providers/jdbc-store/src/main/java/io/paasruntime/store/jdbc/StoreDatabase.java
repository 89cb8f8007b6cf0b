package io.paasruntime.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paasruntime.spi.ProviderException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opens the store's database: a connection pool, the schema migrations, and MyBatis over the pool. */
final class StoreDatabase {
    private static final List<Class<?>> MAPPERS = List.of(TenantMapper.class, UserMapper.class, AppMapper.class,
            ReleaseMapper.class, SettingsMapper.class, AddonMapper.class, AuditMapper.class, IdempotencyMapper.class,
            SigningKeyMapper.class);

    private StoreDatabase() {
    }

    /** A pool that has made its first connection, or {@code UNAVAILABLE}. */
    static HikariDataSource pool(DatabaseLogin login, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("paas-state-store");
        config.setJdbcUrl(login.url());
        login.user().ifPresent(config::setUsername);
        login.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        // A call waits at most this long for a connection before the store answers "unavailable".
        config.setConnectionTimeout(5_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw ProviderException.unavailable("cannot connect to the state store database ("
                    + Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getMessage()) + ")", e);
        }
    }

    /** Brings the schema to the newest {@code db/migration/V*__*.sql} (Flyway locks against concurrent runtimes). */
    static void migrate(DataSource dataSource) {
        try {
            // This class's loader, not the thread's: providers may live in their own class loader.
            Flyway.configure(StoreDatabase.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            ProviderException translated = SqlErrors.translate(e);
            if (translated.kind() == ProviderException.Kind.UNAVAILABLE) {
                throw translated;
            }
            throw ProviderException.internal("the state store schema could not be migrated: " + e.getMessage(), e);
        }
    }

    static SqlSessionFactory sessions(DataSource dataSource) {
        Configuration configuration = new Configuration(
                new Environment("state-store", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        // Rows are records: fill their constructors by parameter name (tenant_id -> tenantId).
        configuration.setArgNameBasedConstructorAutoMapping(true);
        // No session-level cache: a read inside a transaction must see the latest write, also after a savepoint rollback.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
        MAPPERS.forEach(configuration::addMapper);
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
