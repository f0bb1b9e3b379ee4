package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The watchers' last statuses ({@code watch_state}, written by core through
 * {@link BotStore#save}) and the statuses the notifier has acted on ({@code notify_handled},
 * written in the same transaction as the notices they cause). Loading overlays the second on the
 * first: a watcher saves right after it hands events to listeners, so after a crash the notifier's
 * record is the truth about what was told.
 */
final class StateTable {

    Map<String, String> load(Connection c, JobKind kind) throws SQLException {
        Map<String, String> statuses = read(c, "SELECT job_id, status FROM watch_state WHERE kind = ?", kind);
        statuses.putAll(handled(c, kind));
        return statuses;
    }

    /** Replaces the kind's saved statuses, writing only the difference. */
    void save(Connection c, JobKind kind, Map<String, String> statuses) throws SQLException {
        Map<String, String> before = read(c, "SELECT job_id, status FROM watch_state WHERE kind = ?", kind);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM watch_state WHERE kind = ? AND job_id = ?");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE watch_state SET status = ? WHERE kind = ? AND job_id = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO watch_state (kind, job_id, status) VALUES (?, ?, ?)")) {
            for (String id : before.keySet()) {
                if (!statuses.containsKey(id)) {
                    batch(delete, kind.name(), id);
                }
            }
            for (Map.Entry<String, String> entry : statuses.entrySet()) {
                String old = before.get(entry.getKey());
                if (old == null) {
                    batch(insert, kind.name(), entry.getKey(), entry.getValue());
                } else if (!old.equals(entry.getValue())) {
                    batch(update, entry.getValue(), kind.name(), entry.getKey());
                }
            }
            delete.executeBatch();
            update.executeBatch();
            insert.executeBatch();
        }
    }

    Map<String, String> handled(Connection c, JobKind kind) throws SQLException {
        return read(c, "SELECT job_id, status FROM notify_handled WHERE kind = ?", kind);
    }

    /** Records what the notifier acted on (update, else insert: no product-specific upsert). */
    void setHandled(Connection c, JobKind kind, Map<String, String> statuses, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE notify_handled SET status = ?, updated_at = ? WHERE kind = ? AND job_id = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO notify_handled (kind, job_id, status, updated_at) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> entry : statuses.entrySet()) {
                update.setString(1, entry.getValue());
                update.setLong(2, now);
                update.setString(3, kind.name());
                update.setString(4, entry.getKey());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, kind.name());
                    insert.setString(2, entry.getKey());
                    insert.setString(3, entry.getValue());
                    insert.setLong(4, now);
                    insert.executeUpdate();
                }
            }
        }
    }

    void clearHandled(Connection c, JobKind kind) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM notify_handled WHERE kind = ?")) {
            delete.setString(1, kind.name());
            delete.executeUpdate();
        }
    }

    void pruneHandled(Connection c, long olderThan) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM notify_handled WHERE updated_at < ?")) {
            delete.setLong(1, olderThan);
            delete.executeUpdate();
        }
    }

    private static Map<String, String> read(Connection c, String sql, JobKind kind) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, kind.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return result;
    }

    private static void batch(PreparedStatement statement, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, Objects.requireNonNull(values[i]));
        }
        statement.addBatch();
    }
}
