package dev.mstudio.slackbot.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@code bot_lease}: one row per lease; whoever holds an unexpired row leads. */
final class LeaseTable {
    static final String LEADER = "leader";

    /** Takes the lease when free, expired or already ours, until {@code expiresAt}; true when we hold it. */
    boolean acquire(Connection c, String owner, long now, long expiresAt) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE bot_lease SET owner = ?, expires_at = ? "
                + "WHERE name = ? AND (owner = ? OR expires_at < ?)")) {
            update.setString(1, owner);
            update.setLong(2, expiresAt);
            update.setString(3, LEADER);
            update.setString(4, owner);
            update.setLong(5, now);
            return update.executeUpdate() == 1;
        }
    }

    /** Gives the lease up (a clean stop), so that another replica takes over at once. */
    void release(Connection c, String owner) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE bot_lease SET owner = '', expires_at = 0 WHERE name = ? AND owner = ?")) {
            update.setString(1, LEADER);
            update.setString(2, owner);
            update.executeUpdate();
        }
    }
}
