package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot.db written by the release before versioned migrations (src/test/resources/store/bot-v1.db). */
class StoreMigrationTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void open_releaseOneFile_keepsEveryRowAndMergesTheStatusTables(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + copyFixture(dir);

        try (BotStore store = BotStore.open(url)) {
            assertThat(store.load(JobKind.IMPORT))
                    .isEqualTo(Map.of("imp-1", "PENDING", "imp-2", "SUCCESSED", "imp-3", "FAILED"));
            assertThat(store.load(JobKind.FINETUNE)).isEqualTo(Map.of("ft-1", "RUNNING"));
            List<NotifySubscription> subscriptions = store.tx(c -> store.subscriptions().all(c));
            List<ChannelWatch> watches = store.tx(c -> store.watches().allActive(c));
            List<OutboxEntry> heads = store.tx(c -> store.outbox().heads(c));
            assertThat(subscriptions).extracting(NotifySubscription::id).containsExactly("sub-1");
            // made when every outcome went to the channel: it keeps doing so
            assertThat(subscriptions).extracting(NotifySubscription::broadcast)
                    .containsExactly(NotifySubscription.Broadcast.ALL);
            assertThat(watches).extracting(ChannelWatch::messageTs).containsExactly("123.456");
            assertThat(heads).extracting(OutboxEntry::id).containsExactly(2L, 3L);
            assertThat(store.button("tok-1")).isPresent();
            assertThat(store.claimButton("tok-1", NOW)).isTrue();
        }
        assertThat(tables(url)).contains("job_status", "bot_lease").doesNotContain("watch_state", "notify_handled");
        assertThat(history(url)).containsExactly("1:BASELINE", "2:SQL", "3:SQL", "4:SQL", "5:SQL", "6:SQL", "7:SQL");
    }

    @Test
    void open_releaseOneFile_outboxIdsContinueAfterTheStoredOnes(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + copyFixture(dir);
        try (BotStore store = BotStore.open(url)) {
            insertNotice(store, "C9");
        }
        try (BotStore store = BotStore.open(url)) {
            insertNotice(store, "C9");
            List<OutboxEntry> pending = store.tx(c -> store.outbox().pendingIn(c, "C9"));
            assertThat(pending).extracting(OutboxEntry::id).containsExactly(4L, 5L);
        }
        assertThat(history(url)).hasSize(7);
    }

    @Test
    void open_fileOlderThanItsLastTable_isCompletedBeforeTheBaseline(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + copyFixture(dir);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE button_action");
        }

        try (BotStore store = BotStore.open(url)) {
            store.putButton(new ButtonAction("tok-2", ButtonAction.Kind.RUN, "U1", "C1", "imports", NOW,
                    NOW.plusSeconds(60), null));
            assertThat(store.button("tok-2")).isPresent();
            assertThat(store.load(JobKind.IMPORT)).containsEntry("imp-3", "FAILED");
        }
    }

    @Test
    void open_newFile_runsEveryVersionFromOne(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("new.db");
        try (BotStore store = BotStore.open(url)) {
            insertNotice(store, "C1");
        }
        assertThat(history(url)).containsExactly("1:SQL", "2:SQL", "3:SQL", "4:SQL", "5:SQL", "6:SQL", "7:SQL");
    }

    private static void insertNotice(BotStore store, String channel) {
        store.tx(c -> {
            store.outbox().insert(c, List.of(new OutboxEntry.New(channel, OutboxEntry.Op.NOTICE, null,
                    new Payload("hi", null, false, null), NOW)), NOW);
            return null;
        });
    }

    static Path copyFixture(Path dir) throws IOException {
        Path file = dir.resolve("bot.db");
        try (InputStream in = StoreMigrationTest.class.getResourceAsStream("/store/bot-v1.db")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<String> tables(String url) throws SQLException {
        return strings(url, "SELECT name FROM sqlite_master WHERE type = 'table'");
    }

    private static List<String> history(String url) throws SQLException {
        return strings(url, "SELECT version || ':' || type FROM flyway_schema_history ORDER BY installed_rank");
    }

    private static List<String> strings(String url, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }
}
