package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotStoreTest {

    @Test
    void save_thenLoad_keepsTheLatestStatusesAcrossReopen(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("bot.db");
        try (BotStore store = BotStore.open(url)) {
            store.save(JobKind.IMPORT, Map.of("a", "RUNNING", "b", "PENDING"));
            store.save(JobKind.IMPORT, Map.of("a", "FAILED", "c", "RUNNING"));
            store.save(JobKind.FINETUNE, Map.of("ft-1", "RUNNING"));
        }
        try (BotStore store = BotStore.open(url)) {
            assertThat(store.load(JobKind.IMPORT)).isEqualTo(Map.of("a", "FAILED", "c", "RUNNING"));
            assertThat(store.load(JobKind.FINETUNE)).isEqualTo(Map.of("ft-1", "RUNNING"));
        }
    }

    @Test
    void load_prefersWhatTheNotifierActedOn() {
        try (BotStore store = BotStore.open("jdbc:sqlite::memory:")) {
            store.save(JobKind.IMPORT, Map.of("a", "FAILED", "b", "RUNNING"));
            store.tx(c -> {
                store.state().setAnnounced(c, JobKind.IMPORT, Map.of("a", "RUNNING", "z", "PENDING"), 1);
                return null;
            });

            assertThat(store.load(JobKind.IMPORT)).isEqualTo(Map.of("a", "RUNNING", "b", "RUNNING", "z", "PENDING"));
        }
    }

    @Test
    void open_tildePath_expandsToHomeAndCreatesParentDirectories(@TempDir Path home) {
        String url = StoreUrls.expand(BotStore.DEFAULT_URL, home);

        try (BotStore store = BotStore.open(url)) {
            store.save(JobKind.IMPORT, Map.of("a", "RUNNING"));
        }

        assertThat(url).isEqualTo("jdbc:sqlite:" + home.resolve(".mstudio/bot.db"));
        assertThat(Files.exists(home.resolve(".mstudio/bot.db"))).isTrue();
    }

    @Test
    void jdbcUrl_fromEnvironment_orTheDefault() {
        assertThat(BotStore.jdbcUrl(Map.of())).isEqualTo("jdbc:sqlite:~/.mstudio/bot.db");
        assertThat(BotStore.jdbcUrl(Map.of("MSTUDIO_DB", " jdbc:sqlite:/tmp/x.db ")))
                .isEqualTo("jdbc:sqlite:/tmp/x.db");
    }

    @Test
    void redact_dropsCredentials() {
        assertThat(StoreUrls.redact("jdbc:postgresql://bot:s3cret@db:5432/mstudio?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/mstudio");
    }

    @Test
    void outbox_afterReopen_continuesIdsAndKeepsPendingEntriesInOrder(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("bot.db");
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        Payload payload = new Payload("hello", null, false, null);
        try (BotStore store = BotStore.open(url)) {
            store.tx(c -> {
                store.outbox().insert(c, List.of(
                        new OutboxEntry.New("C1", OutboxEntry.Op.NOTICE, null, payload, now),
                        new OutboxEntry.New("C2", OutboxEntry.Op.NOTICE, null, payload, now),
                        new OutboxEntry.New("C1", OutboxEntry.Op.NOTICE, null, payload, now)), now);
                return null;
            });
        }
        try (BotStore store = BotStore.open(url)) {
            store.tx(c -> {
                store.outbox().insert(c, List.of(new OutboxEntry.New("C1", OutboxEntry.Op.NOTICE, null, payload, now)),
                        now);
                return null;
            });
            List<OutboxEntry> c1 = store.tx(c -> store.outbox().pendingIn(c, "C1"));
            List<OutboxEntry> heads = store.tx(c -> store.outbox().heads(c));

            assertThat(c1).extracting(OutboxEntry::id).containsExactly(1L, 3L, 4L);
            assertThat(heads).extracting(OutboxEntry::id).containsExactly(1L, 2L);
        }
    }
}
