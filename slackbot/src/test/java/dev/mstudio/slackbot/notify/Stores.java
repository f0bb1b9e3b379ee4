package dev.mstudio.slackbot.notify;

import java.nio.file.Path;

/** Fresh bot stores on each product the bot supports, for tests that run on both. */
public final class Stores {
    /** The values to give {@code @ValueSource(strings = ...)}. */
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

    private Stores() {
    }

    /** A JDBC URL of an empty database: a file in {@code dir}, or a new database on the test server. */
    public static String freshUrl(String vendor, Path dir) {
        return switch (vendor) {
            case SQLITE -> "jdbc:sqlite:" + dir.resolve("bot.db");
            case POSTGRESQL -> TestPostgres.shared().newDatabaseUrl();
            default -> throw new IllegalArgumentException(vendor);
        };
    }
}
