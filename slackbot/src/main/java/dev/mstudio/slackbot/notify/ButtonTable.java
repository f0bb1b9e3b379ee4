package dev.mstudio.slackbot.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** {@code button_action}: what each rendered button does, by the opaque token it carries. */
final class ButtonTable {
    private static final String COLUMNS = "token, kind, owner, channel, line, created_at, expires_at, used_at";

    void insert(Connection c, ButtonAction action) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO button_action (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, action.token());
            insert.setString(2, action.kind().name());
            insert.setString(3, action.owner());
            insert.setString(4, action.channel());
            insert.setString(5, action.line());
            insert.setLong(6, action.createdAt().toEpochMilli());
            insert.setLong(7, action.expiresAt().toEpochMilli());
            if (action.usedAt() == null) {
                insert.setNull(8, Types.BIGINT);
            } else {
                insert.setLong(8, action.usedAt().toEpochMilli());
            }
            insert.executeUpdate();
        }
    }

    Optional<ButtonAction> find(Connection c, String token) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM button_action WHERE token = ?")) {
            select.setString(1, token);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long used = row.getLong(8);
                Instant usedAt = row.wasNull() ? null : Instant.ofEpochMilli(used);
                return Optional.of(new ButtonAction(row.getString(1), ButtonAction.Kind.valueOf(row.getString(2)),
                        row.getString(3), row.getString(4), row.getString(5), Instant.ofEpochMilli(row.getLong(6)),
                        Instant.ofEpochMilli(row.getLong(7)), usedAt));
            }
        }
    }

    /** Marks an unused, unexpired confirmation used; true for exactly one caller, however many race. */
    boolean claim(Connection c, String token, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE button_action SET used_at = ? WHERE token = ? "
                + "AND kind = 'CONFIRM' AND used_at IS NULL AND expires_at > ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, token);
            update.setLong(3, now.toEpochMilli());
            return update.executeUpdate() == 1;
        }
    }

    /** Forgets actions that expired before {@code before}; returns how many. */
    int purge(Connection c, Instant before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM button_action WHERE expires_at < ?")) {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
        }
    }
}
