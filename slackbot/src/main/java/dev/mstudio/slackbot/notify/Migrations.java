package dev.mstudio.slackbot.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * Brings the store's schema to the latest version with Flyway: {@code db/migration/common} plus the
 * product's own folder. A store written before migrations existed (tables, no history table) is
 * first completed to version 1 (its CREATE ... IF NOT EXISTS script, for files older than its last
 * table), checked, and baselined at 1; later versions then upgrade it in place.
 */
final class Migrations {
    static final String HISTORY = "flyway_schema_history";
    static final List<String> V1_TABLES = List.of("notify_subscription", "notify_watch", "notify_outbox",
            "watch_state", "button_action", "notify_handled");
    private static final String V1_SCRIPT = "db/migration/common/V1__bot_store.sql";

    private Migrations() {
    }

    static void apply(Db db) {
        boolean legacy = db.tx(c -> !exists(c, HISTORY) && exists(c, "notify_outbox"));
        if (legacy) {
            completeVersion1(db);
        }
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + db.vendor().folder)
                .baselineOnMigrate(true)
                .baselineVersion(legacy ? "1" : "0")
                .baselineDescription("bot store created before versioned migrations")
                .load()
                .migrate();
    }

    /** Runs version 1's idempotent script on a store without history, then checks all its tables exist. */
    private static void completeVersion1(Db db) {
        String script = resource(V1_SCRIPT);
        db.tx(c -> {
            try (Statement statement = c.createStatement()) {
                for (String ddl : script.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!ddl.isBlank()) {
                        statement.execute(ddl);
                    }
                }
            }
            for (String table : V1_TABLES) {
                if (!exists(c, table)) {
                    throw new SQLException("table " + table + " of schema version 1 is missing");
                }
            }
            return null;
        });
    }

    /** Whether the table exists in the connection's current schema. */
    static boolean exists(Connection c, String table) throws SQLException {
        String schema = c.getSchema();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rows = c.getMetaData().getTables(null, schema, name, new String[] {"TABLE"})) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
