package io.cutover.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.jdbcx.JdbcConnectionPool;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sandbox org's records in an H2 database of their own (not the application's datasource, which holds migration
 * state): a file that survives restarts like a real org, or memory. Writes are serialised so that an upsert's
 * look-up and insert of an external id cannot interleave with another call's.
 */
@ApplicationScoped
public class RecordStore {

    /** An org of this application's own: a restart in the same JVM (tests, dev mode) starts from an empty org. */
    private final String memoryUrl = "jdbc:h2:mem:cutover-sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Inject
    SandboxConfig config;

    @Inject
    ChangeEventSignal changeEvents;

    @ConfigProperty(name = "cutover.data-dir", defaultValue = "./data")
    Path dataDir;

    private final ReentrantLock writeLock = new ReentrantLock();
    private JdbcConnectionPool pool;
    private boolean inMemory;

    @FunctionalInterface
    public interface Work<T> {
        T apply(OrgTransaction org) throws SQLException;
    }

    @PostConstruct
    void open() {
        open(jdbcUrl());
    }

    void open(String url) {
        inMemory = url.startsWith("jdbc:h2:mem:");
        pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(32);
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS sobject_record (id CHAR(18) PRIMARY KEY,"
                    + " object_name VARCHAR(255) NOT NULL, fields VARCHAR(1000000) NOT NULL)");
            sql.execute("CREATE INDEX IF NOT EXISTS sobject_record_by_object ON sobject_record (object_name, id)");
            sql.execute("CREATE TABLE IF NOT EXISTS record_key (object_name VARCHAR(255) NOT NULL,"
                    + " field_name VARCHAR(255) NOT NULL, value_key VARCHAR(1000) NOT NULL, record_id CHAR(18) NOT NULL)");
            sql.execute("CREATE INDEX IF NOT EXISTS record_key_lookup ON record_key (object_name, field_name, value_key)");
            sql.execute("CREATE INDEX IF NOT EXISTS record_key_by_record ON record_key (record_id)");
            sql.execute("CREATE SEQUENCE IF NOT EXISTS record_number START WITH 1");
            sql.execute("CREATE TABLE IF NOT EXISTS deleted_record (id CHAR(18) PRIMARY KEY)");
            // the recycle bin: a deleted record's last fields, IsDeleted true, for queryAll
            sql.execute("ALTER TABLE deleted_record ADD COLUMN IF NOT EXISTS object_name VARCHAR(255)");
            sql.execute("ALTER TABLE deleted_record ADD COLUMN IF NOT EXISTS fields VARCHAR(1000000)");
            sql.execute("CREATE INDEX IF NOT EXISTS deleted_record_by_object ON deleted_record (object_name, id)");
            sql.execute("CREATE TABLE IF NOT EXISTS change_event (replay_id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " object_name VARCHAR(255) NOT NULL, payload VARCHAR(1000000) NOT NULL, created_at TIMESTAMP NOT NULL)");
            sql.execute("CREATE INDEX IF NOT EXISTS change_event_by_time ON change_event (created_at)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the sandbox org database " + url, e);
        }
    }

    @PreDestroy
    void close() {
        if (pool == null) {
            return;
        }
        if (inMemory) {
            try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot drop the in-memory sandbox org", e);
            }
        }
        pool.dispose();
    }

    String jdbcUrl() {
        if (config.storage() == SandboxConfig.Storage.memory) {
            return memoryUrl;
        }
        return config.jdbcUrl().orElseGet(() -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sandbox/org"));
    }

    /** Runs read-only work on committed data. */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.apply(new OrgTransaction(connection, ""));
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox org database failure", e);
        }
    }

    /** Runs work in one transaction, rolled back if the work throws or asks for it (allOrNone). */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                OrgTransaction org = new OrgTransaction(connection, CallOrigin.current());
                T result = work.apply(org);
                if (org.isRollbackOnly()) {
                    connection.rollback();
                } else {
                    connection.commit();
                    if (org.wroteEvents()) {
                        changeEvents.committed();
                    }
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox org database failure", e);
        } finally {
            writeLock.unlock();
        }
    }
}
