package dev.mstudio.slackbot.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens a store: checks the URL, prepares and locks an SQLite file, connects, migrates. Every
 * failure is one {@link StoreException} line naming the cause and the fix, never a credential.
 */
final class StoreOpener {
    private static final String SET_DB = "set " + BotStore.ENV_DB;

    private StoreOpener() {
    }

    static Db open(String url) {
        String redacted = StoreUrls.redact(url);
        Db.Vendor vendor = StoreUrls.vendor(url);
        if (vendor == null) {
            throw fail(redacted, "this kind of database is not supported; " + SET_DB
                    + " to jdbc:sqlite:PATH (one process) or jdbc:postgresql://HOST/DB?user=U&password=P (replicas)");
        }
        Path file = StoreUrls.sqliteFile(url);
        SqliteLock lock = null;
        Db db = null;
        boolean opened = false;
        try {
            lock = file == null ? null : lockFile(file, redacted);
            db = Db.connect(url, vendor).holding(lock);
            lock = null;
            Migrations.apply(db);
            opened = true;
            return db;
        } catch (SQLException e) {
            throw fail(redacted, explain(e, vendor, file));
        } catch (FlywayException e) {
            throw fail(redacted, "its schema cannot be migrated (" + firstLine(e.getMessage())
                    + "); restore a backup or point " + BotStore.ENV_DB + " at a new database");
        } catch (RuntimeException e) {
            if (e instanceof StoreException) {
                throw e;
            }
            throw fail(redacted, firstLine(e.getMessage()));
        } finally {
            closeQuietly(lock);
            if (!opened) {
                closeQuietly(db);
            }
        }
    }

    private static SqliteLock lockFile(Path file, String redacted) {
        try {
            StoreUrls.createParentDirs(SQLITE_PREFIX + file);
            return SqliteLock.acquire(file);
        } catch (IOException e) {
            throw fail(redacted, "cannot create or lock a file in " + file.toAbsolutePath().getParent() + " ("
                    + e.getClass().getSimpleName() + "); make that directory writable or " + SET_DB
                    + " to a file in one that is");
        }
    }

    private static final String SQLITE_PREFIX = StoreUrls.SQLITE;

    /** The cause and the fix, by the driver's SQL state and error codes. */
    static String explain(SQLException e, Db.Vendor vendor, Path file) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (vendor == Db.Vendor.SQLITE) {
            if (message.contains("SQLITE_NOTADB") || message.contains("SQLITE_CORRUPT")) {
                return "the file is not an SQLite database or is corrupt; move " + file
                        + " aside (a new one is created) or restore a backup";
            }
            if (message.contains("SQLITE_CANTOPEN") || message.contains("SQLITE_READONLY")) {
                return "the file cannot be opened for writing; check the permissions of " + file;
            }
            return "SQLite failed (" + firstLine(message) + ")";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL refused the user name or password; fix them in " + BotStore.ENV_DB;
        }
        if (state.equals("3D000")) {
            return "the database does not exist; create it (createdb) or fix its name in " + BotStore.ENV_DB;
        }
        if (state.startsWith("08")) {
            return "cannot reach the PostgreSQL server; check that it runs and the host and port in "
                    + BotStore.ENV_DB;
        }
        return "PostgreSQL failed (" + firstLine(message).toLowerCase(Locale.ROOT) + ")";
    }

    private static StoreException fail(String redacted, String reason) {
        return new StoreException("cannot open the bot store " + redacted + ": " + reason, null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return StoreUrls.scrub(newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // nothing more to release
            }
        }
    }
}
