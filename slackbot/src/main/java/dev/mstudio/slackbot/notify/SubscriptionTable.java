package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import dev.mstudio.training.Watchdog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code notify_subscription}: the channels' standing subscriptions. */
final class SubscriptionTable {
    private static final String COLUMNS = "id, channel, kind, model, only_failures, created_by, created_at, broadcast, "
            + "alert_stalled_ms, alert_queued_ms";

    void insert(Connection c, NotifySubscription s) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO notify_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, s.id());
            insert.setString(2, s.channel());
            insert.setString(3, s.kind().name());
            setNullable(insert, 4, s.model());
            insert.setInt(5, s.onlyFailures() ? 1 : 0);
            setNullable(insert, 6, s.createdBy());
            insert.setLong(7, s.createdAt().toEpochMilli());
            insert.setString(8, s.broadcast().name());
            setAlerts(insert, 9, s.alerts());
            insert.executeUpdate();
        }
    }

    /** Changes how an existing subscription is shown: its broadcast mode and alerts. */
    void update(Connection c, NotifySubscription s) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE notify_subscription SET broadcast = ?, "
                + "alert_stalled_ms = ?, alert_queued_ms = ? WHERE id = ?")) {
            update.setString(1, s.broadcast().name());
            setAlerts(update, 2, s.alerts());
            update.setString(4, s.id());
            update.executeUpdate();
        }
    }

    private static void setAlerts(PreparedStatement statement, int index, Watchdog.Thresholds alerts)
            throws SQLException {
        if (alerts == null) {
            statement.setNull(index, Types.BIGINT);
            statement.setNull(index + 1, Types.BIGINT);
        } else {
            statement.setLong(index, alerts.stalled().toMillis());
            statement.setLong(index + 1, alerts.queued().toMillis());
        }
    }

    /** The alerts' thresholds of a row: the watchdog's defaults with the row's silence and queue wait. */
    private static Watchdog.Thresholds alerts(ResultSet rows) throws SQLException {
        long stalled = rows.getLong(9);
        if (rows.wasNull()) {
            return null;
        }
        return Watchdog.Thresholds.DEFAULTS.with(Duration.ofMillis(stalled), Duration.ofMillis(rows.getLong(10)));
    }

    boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM notify_subscription WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    List<NotifySubscription> inChannel(Connection c, String channel) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM notify_subscription WHERE channel = ? ORDER BY created_at, id",
                channel);
    }

    List<NotifySubscription> all(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM notify_subscription ORDER BY created_at, id", null);
    }

    private static List<NotifySubscription> query(Connection c, String sql, String channel) throws SQLException {
        List<NotifySubscription> result = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            if (channel != null) {
                select.setString(1, channel);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new NotifySubscription(rows.getString(1), rows.getString(2),
                            JobKind.valueOf(rows.getString(3)), rows.getString(4), rows.getInt(5) != 0,
                            NotifySubscription.Broadcast.valueOf(rows.getString(8)), alerts(rows),
                            rows.getString(6), Instant.ofEpochMilli(rows.getLong(7))));
                }
            }
        }
        return result;
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
