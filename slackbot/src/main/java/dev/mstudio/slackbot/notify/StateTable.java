package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code job_status}: per job, the status the shared watchers last saw ({@code seen_status},
 * replaced by {@link BotStore#save}) and the status the notifier announced ({@code
 * announced_status}, written in the same transaction as the notices it causes). Loading prefers
 * the announced one: a watcher saves right after it hands events on, so after a crash the
 * notifier's record is the truth about what was told.
 */
final class StateTable {
    private static final String EFFECTIVE = "COALESCE(announced_status, seen_status)";

    /** The statuses to resume the kind's watcher from. */
    Map<String, String> load(Connection c, JobKind kind) throws SQLException {
        return read(c, "SELECT job_id, " + EFFECTIVE + " FROM job_status WHERE kind = ?", kind);
    }

    /**
     * Replaces the kind's seen statuses, writing only the difference; announced ones stay. Rows are
     * written in job ID order (as {@link #setAnnounced} does) so concurrent writers never deadlock.
     */
    void save(Connection c, JobKind kind, Map<String, String> statuses, long now) throws SQLException {
        Map<String, String> before = new TreeMap<>();
        before.putAll(read(c,
                "SELECT job_id, seen_status FROM job_status WHERE kind = ? AND seen_status IS NOT NULL", kind));
        for (String id : before.keySet()) {
            if (!statuses.containsKey(id)) {
                execute(c, "UPDATE job_status SET seen_status = NULL WHERE kind = ? AND job_id = ?", kind.name(), id);
            }
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(statuses).entrySet()) {
            if (!entry.getValue().equals(before.get(entry.getKey()))) {
                upsert(c, "seen_status", kind, entry.getKey(), entry.getValue(), now);
            }
        }
        deleteEmpty(c);
    }

    /** What the notifier last announced about the job, or null. */
    String announced(Connection c, JobKind kind, String jobId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT announced_status FROM job_status WHERE kind = ? AND job_id = ?")) {
            select.setString(1, kind.name());
            select.setString(2, jobId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Records what the notifier acted on. */
    void setAnnounced(Connection c, JobKind kind, Map<String, String> statuses, long now) throws SQLException {
        for (Map.Entry<String, String> entry : new TreeMap<>(statuses).entrySet()) {
            upsert(c, "announced_status", kind, entry.getKey(), entry.getValue(), now);
        }
    }

    /** Forgets what was announced about a kind nobody subscribes to any more. */
    void clearAnnounced(Connection c, JobKind kind) throws SQLException {
        execute(c, "UPDATE job_status SET announced_status = NULL WHERE kind = ?", kind.name());
        deleteEmpty(c);
    }

    /** Forgets announcements older than {@code olderThan} (epoch millis). */
    void pruneAnnounced(Connection c, long olderThan) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE job_status SET announced_status = NULL WHERE updated_at < ?")) {
            update.setLong(1, olderThan);
            update.executeUpdate();
        }
        deleteEmpty(c);
    }

    /** One upsert statement, the same on SQLite and PostgreSQL, so that concurrent writers cannot collide. */
    private static void upsert(Connection c, String column, JobKind kind, String jobId, String status, long now)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO job_status (kind, job_id, " + column
                + ", updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, job_id) DO UPDATE SET " + column
                + " = excluded." + column + ", updated_at = excluded.updated_at")) {
            upsert.setString(1, kind.name());
            upsert.setString(2, jobId);
            upsert.setString(3, status);
            upsert.setLong(4, now);
            upsert.executeUpdate();
        }
    }

    private static void deleteEmpty(Connection c) throws SQLException {
        execute(c, "DELETE FROM job_status WHERE seen_status IS NULL AND announced_status IS NULL");
    }

    private static void execute(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            statement.executeUpdate();
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
}
