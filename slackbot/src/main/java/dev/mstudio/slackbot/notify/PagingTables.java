package dev.mstudio.slackbot.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@code last_listing} (next/prev) and {@code kept_table} (the More button). */
final class PagingTables {

    void rememberListing(Connection c, String channel, String user, String line, Instant at) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO last_listing (channel, user_id, line, "
                + "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel, user_id) DO UPDATE SET line = excluded.line, "
                + "updated_at = excluded.updated_at")) {
            upsert.setString(1, channel);
            upsert.setString(2, user);
            upsert.setString(3, line);
            upsert.setLong(4, at.toEpochMilli());
            upsert.executeUpdate();
        }
    }

    /** The line remembered for (channel, user) at or after {@code notBefore}. */
    Optional<String> lastListing(Connection c, String channel, String user, Instant notBefore) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT line FROM last_listing WHERE channel = ? AND user_id = ? AND updated_at >= ?")) {
            select.setString(1, channel);
            select.setString(2, user);
            select.setLong(3, notBefore.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    void keep(Connection c, KeptTable table) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO kept_table (token, owner, channel, body, "
                + "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, table.token());
            insert.setString(2, table.owner());
            insert.setString(3, table.channel());
            insert.setString(4, table.body());
            insert.setLong(5, table.createdAt().toEpochMilli());
            insert.setLong(6, table.expiresAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The table kept under {@code token}, unless it expired by {@code now}. */
    Optional<KeptTable> kept(Connection c, String token, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT token, owner, channel, body, created_at, expires_at "
                + "FROM kept_table WHERE token = ? AND expires_at > ?")) {
            select.setString(1, token);
            select.setLong(2, now.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new KeptTable(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6))));
            }
        }
    }

    /** Forgets listings last shown before {@code listingsBefore} and tables expired by {@code now}. */
    int purge(Connection c, Instant listingsBefore, Instant now) throws SQLException {
        int purged;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM last_listing WHERE updated_at < ?")) {
            delete.setLong(1, listingsBefore.toEpochMilli());
            purged = delete.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM kept_table WHERE expires_at <= ?")) {
            delete.setLong(1, now.toEpochMilli());
            return purged + delete.executeUpdate();
        }
    }
}
