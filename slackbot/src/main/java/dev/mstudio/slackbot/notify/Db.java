package dev.mstudio.slackbot.notify;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The store's connections with a transaction helper. SQLite: one connection used under a lock (it
 * keeps an in-memory database alive and matches SQLite's single writer). PostgreSQL: a small pool,
 * so that replicas and threads work concurrently.
 */
final class Db implements AutoCloseable {
    /** The products the store runs on; each has its own folder of migrations. */
    enum Vendor {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        final String folder;

        Vendor(String folder) {
            this.folder = folder;
        }
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int POOL_SIZE = 4;

    private final Vendor vendor;
    private final Connection single;
    private final HikariDataSource pool;
    private final String redactedUrl;
    private AutoCloseable lock;

    private Db(Vendor vendor, Connection single, HikariDataSource pool, String redactedUrl) {
        this.vendor = vendor;
        this.single = single;
        this.pool = pool;
        this.redactedUrl = redactedUrl;
    }

    /** Connects (once, so that a bad URL fails here with the driver's own reason), then pools for PostgreSQL. */
    static Db connect(String url, Vendor vendor) throws SQLException {
        Connection first = DriverManager.getConnection(url);
        if (vendor == Vendor.SQLITE) {
            tuneSqlite(first);
            return new Db(vendor, first, null, StoreUrls.redact(url));
        }
        first.close();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("mstudio-bot-store");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return new Db(vendor, null, new HikariDataSource(config), StoreUrls.redact(url));
    }

    /** Held until the store closes (an SQLite file's {@link SqliteLock}). */
    Db holding(AutoCloseable held) {
        this.lock = held;
        return this;
    }

    Vendor vendor() {
        return vendor;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T tx(Work<T> work) {
        try {
            if (single != null) {
                synchronized (single) {
                    return inTransaction(single, work);
                }
            }
            try (Connection connection = pool.getConnection()) {
                return inTransaction(connection, work);
            }
        } catch (SQLException e) {
            throw new StoreException("bot store " + redactedUrl + " failed: " + e.getMessage(), e);
        }
    }

    /** For Flyway: the pool, or the single SQLite connection behind a close() that does nothing. */
    DataSource dataSource() {
        if (pool != null) {
            return pool;
        }
        Connection unclosable = (Connection) Proxy.newProxyInstance(Db.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(single, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new SingleConnectionDataSource(unclosable);
    }

    @Override
    public void close() {
        try {
            if (pool != null) {
                pool.close();
                return;
            }
            synchronized (single) {
                single.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close the bot store " + redactedUrl, e);
        } finally {
            closeLock();
        }
    }

    private void closeLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (Exception e) {
                // released with the process
            }
        }
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Write-ahead logging and a busy timeout. */
    private static void tuneSqlite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
