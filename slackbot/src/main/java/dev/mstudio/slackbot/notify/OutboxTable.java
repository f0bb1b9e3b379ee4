package dev.mstudio.slackbot.notify;

import static dev.mstudio.slackbot.notify.SubscriptionTable.setNullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code notify_outbox}: messages to send, written in the transaction of the state change that
 * causes them and marked SENT or DROPPED once settled. The database issues the IDs (an
 * AUTOINCREMENT or identity column), so any number of writers can append.
 */
final class OutboxTable {
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String DROPPED = "DROPPED";
    /** The error of an entry whose last call may or may not have reached Slack. */
    static final String UNKNOWN_OUTCOME = "outcome unknown";
    private static final String COLUMNS = "id, channel, op, watch_id, payload, attempts, not_before";
    private static final String NEW_COLUMNS = "channel, op, watch_id, payload, attempts, not_before";

    void insert(Connection c, List<OutboxEntry.New> entries, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO notify_outbox (" + NEW_COLUMNS
                + ", state, created_at) VALUES (?, ?, ?, ?, 0, ?, '" + PENDING + "', ?)")) {
            for (OutboxEntry.New entry : entries) {
                insert.setString(1, entry.channel());
                insert.setString(2, entry.op().name());
                setNullable(insert, 3, entry.watchId());
                insert.setString(4, entry.payload().toJson());
                insert.setLong(5, entry.notBefore().toEpochMilli());
                insert.setLong(6, now.toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The first pending entry of every channel. */
    List<OutboxEntry> heads(Connection c) throws SQLException {
        return query(c, "WHERE id IN (SELECT MIN(id) FROM notify_outbox WHERE state = '" + PENDING
                + "' GROUP BY channel)");
    }

    List<OutboxEntry> pendingIn(Connection c, String channel) throws SQLException {
        return query(c, "WHERE state = '" + PENDING + "' AND channel = ?", channel);
    }

    /** The pending UPDATEs of a watch's message, oldest first. */
    List<OutboxEntry> pendingUpdates(Connection c, String watchId) throws SQLException {
        return query(c, "WHERE state = '" + PENDING + "' AND op = 'UPDATE' AND watch_id = ?", watchId);
    }

    boolean isPending(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM notify_outbox WHERE id = ? AND state = '" + PENDING + "'")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    void settle(Connection c, Collection<Long> ids, String state, String error, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE notify_outbox SET state = ?, error = ?, done_at = ? WHERE id = ?")) {
            for (long id : ids) {
                update.setString(1, state);
                setNullable(update, 2, error == null ? null : truncate(error));
                update.setLong(3, now.toEpochMilli());
                update.setLong(4, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    void retryLater(Connection c, long id, int attempts, Instant notBefore, String error) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE notify_outbox SET attempts = ?, not_before = ?, error = ? WHERE id = ?")) {
            update.setInt(1, attempts);
            update.setLong(2, notBefore.toEpochMilli());
            setNullable(update, 3, truncate(error));
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    /**
     * Marks pending entries as being sent now, before the call: should the answer be lost (a
     * timeout, the bot killed), the next attempt knows to look for the message instead of posting
     * it again. Committed before the call is made.
     */
    void markSending(Connection c, Collection<Long> ids) throws SQLException {
        setError(c, ids, UNKNOWN_OUTCOME);
    }

    /** Records that the last call for these pending entries surely did not take effect. */
    void markNotSent(Connection c, Collection<Long> ids, String error) throws SQLException {
        setError(c, ids, error);
    }

    /** When the entry was queued, if its last call's outcome is unknown; empty otherwise. */
    java.util.Optional<Instant> unknownSince(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT created_at FROM notify_outbox WHERE id = ? "
                + "AND state = '" + PENDING + "' AND error LIKE '" + UNKNOWN_OUTCOME + "%'")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? java.util.Optional.of(Instant.ofEpochMilli(rows.getLong(1)))
                        : java.util.Optional.empty();
            }
        }
    }

    private static void setError(Connection c, Collection<Long> ids, String error) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE notify_outbox SET error = ? WHERE id = ? AND state = '" + PENDING + "'")) {
            for (long id : ids) {
                setNullable(update, 1, truncate(error));
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** When the oldest pending entry was queued, if any is pending. */
    java.util.Optional<Instant> oldestPending(Connection c) throws SQLException {
        try (Statement select = c.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT MIN(created_at) FROM notify_outbox WHERE state = '" + PENDING + "'")) {
            if (rows.next()) {
                long oldest = rows.getLong(1);
                return rows.wasNull() ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(oldest));
            }
            return java.util.Optional.empty();
        }
    }

    long pendingCount(Connection c) throws SQLException {
        try (Statement select = c.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT COUNT(*) FROM notify_outbox WHERE state = '" + PENDING + "'")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Deletes settled entries finished before {@code before}. */
    void pruneSettled(Connection c, Instant before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM notify_outbox WHERE state <> '" + PENDING + "' AND done_at < ?")) {
            delete.setLong(1, before.toEpochMilli());
            delete.executeUpdate();
        }
    }

    private static List<OutboxEntry> query(Connection c, String where, String... args) throws SQLException {
        List<OutboxEntry> result = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM notify_outbox " + where + " ORDER BY id")) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new OutboxEntry(rows.getLong(1), rows.getString(2),
                            OutboxEntry.Op.valueOf(rows.getString(3)), rows.getString(4),
                            Payload.fromJson(rows.getString(5)), rows.getInt(6),
                            Instant.ofEpochMilli(rows.getLong(7))));
                }
            }
        }
        return result;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }
}
