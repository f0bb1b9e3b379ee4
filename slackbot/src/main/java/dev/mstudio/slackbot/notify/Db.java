package dev.mstudio.slackbot.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One JDBC connection used under a lock, with a transaction helper. One connection keeps an
 * in-memory SQLite database alive and matches SQLite's single writer; the SQL itself is portable.
 */
final class Db implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final String redactedUrl;

    private Db(Connection connection, String redactedUrl) {
        this.connection = connection;
        this.redactedUrl = redactedUrl;
    }

    static Db open(String url, List<String> schema) {
        String redacted = StoreUrls.redact(url);
        try {
            StoreUrls.createParentDirs(url);
            Connection connection = DriverManager.getConnection(url);
            Db db = new Db(connection, redacted);
            db.tune();
            db.tx(c -> {
                try (Statement statement = c.createStatement()) {
                    for (String ddl : schema) {
                        statement.execute(ddl);
                    }
                }
                return null;
            });
            return db;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the bot store " + redacted + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    synchronized <T> T tx(Work<T> work) {
        try {
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
        } catch (SQLException e) {
            throw new StoreException("bot store " + redactedUrl + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the bot store " + redactedUrl, e);
        }
    }

    /** SQLite only: write-ahead logging and a busy timeout; other products keep their defaults. */
    private void tune() throws SQLException {
        if (!"SQLite".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
        }
    }
}
