package dev.mstudio.slackbot.notify;

import static dev.mstudio.slackbot.notify.SubscriptionTable.setNullable;

import dev.mstudio.client.JobKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code notify_watch}: per channel and job, the channel's message ts and the last status it was
 * told. A finished watch stays (inactive) while outbox entries still need its message ts.
 */
final class WatchTable {
    private static final String COLUMNS = "id, channel, kind, job_id, user_id, message_ts, last_status, created_at";

    void insert(Connection c, ChannelWatch w, boolean active) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO notify_watch (" + COLUMNS
                + ", active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, w.id());
            insert.setString(2, w.channel());
            insert.setString(3, w.kind().name());
            insert.setString(4, w.jobId());
            setNullable(insert, 5, w.userId());
            setNullable(insert, 6, w.messageTs());
            setNullable(insert, 7, w.lastStatus());
            insert.setLong(8, w.createdAt().toEpochMilli());
            insert.setInt(9, active ? 1 : 0);
            insert.executeUpdate();
        }
    }

    Optional<ChannelWatch> active(Connection c, String channel, JobKind kind, String jobId) throws SQLException {
        return query(c, "WHERE active = 1 AND channel = ? AND kind = ? AND job_id = ?", channel, kind.name(), jobId)
                .stream().findFirst();
    }

    /** The channel's thread of the day, once made ({@link DayThreads}). */
    Optional<ChannelWatch> dayThread(Connection c, String channel, java.time.LocalDate day) throws SQLException {
        return query(c, "WHERE channel = ? AND job_id = ?", channel, DayThreads.jobId(day)).stream().findFirst();
    }

    List<ChannelWatch> activeForJob(Connection c, JobKind kind, String jobId) throws SQLException {
        return query(c, "WHERE active = 1 AND kind = ? AND job_id = ?", kind.name(), jobId);
    }

    /** Channels with a watch on the job, running or just ended (their thread has the news). */
    Set<String> channelsFor(Connection c, JobKind kind, String jobId) throws SQLException {
        Set<String> channels = new LinkedHashSet<>();
        query(c, "WHERE kind = ? AND job_id = ?", kind.name(), jobId).forEach(w -> channels.add(w.channel()));
        return channels;
    }

    List<ChannelWatch> activeInChannel(Connection c, String channel) throws SQLException {
        return query(c, "WHERE active = 1 AND channel = ?", channel);
    }

    List<ChannelWatch> allActive(Connection c) throws SQLException {
        return query(c, "WHERE active = 1");
    }

    Optional<ChannelWatch> byId(Connection c, String id) throws SQLException {
        return query(c, "WHERE id = ?", id).stream().findFirst();
    }

    /** Records the status the channel was told; a final one ends the watch. */
    void told(Connection c, String id, String status, boolean active) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE notify_watch SET last_status = ?, active = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setInt(2, active ? 1 : 0);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    void deactivate(Connection c, String id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE notify_watch SET active = 0 WHERE id = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    void setMessageTs(Connection c, String id, String ts) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE notify_watch SET message_ts = ? WHERE id = ?")) {
            update.setString(1, ts);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /**
     * Forgets finished watches no pending outbox entry refers to; threads of the day are kept until
     * {@code daysBefore}, so that the day's later replies find them.
     */
    void pruneFinished(Connection c, Instant daysBefore) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM notify_watch WHERE active = 0 AND id NOT IN "
                + "(SELECT watch_id FROM notify_outbox WHERE state = 'PENDING' AND watch_id IS NOT NULL) "
                + "AND NOT (job_id LIKE '" + DayThreads.JOB_PREFIX + "%' AND created_at >= ?)")) {
            delete.setLong(1, daysBefore.toEpochMilli());
            delete.executeUpdate();
        }
    }

    private static List<ChannelWatch> query(Connection c, String where, String... args) throws SQLException {
        List<ChannelWatch> result = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM notify_watch " + where + " ORDER BY created_at, id")) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new ChannelWatch(rows.getString(1), rows.getString(2),
                            JobKind.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), Instant.ofEpochMilli(rows.getLong(8))));
                }
            }
        }
        return result;
    }
}
