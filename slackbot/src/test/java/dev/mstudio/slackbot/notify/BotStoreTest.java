package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class BotStoreTest {

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void save_thenLoad_keepsTheLatestStatusesAcrossReopen(String vendor, @TempDir Path dir) {
        String url = Stores.freshUrl(vendor, dir);
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

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void load_prefersWhatTheNotifierActedOn(String vendor, @TempDir Path dir) {
        try (BotStore store = BotStore.open(Stores.freshUrl(vendor, dir))) {
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

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void outbox_afterReopen_continuesIdsAndKeepsPendingEntriesInOrder(String vendor, @TempDir Path dir) {
        String url = Stores.freshUrl(vendor, dir);
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

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void outbox_twoStoresOnOneDatabase_neverShareAnId(String vendor, @TempDir Path dir) throws Exception {
        String url = Stores.freshUrl(vendor, dir);
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        Payload payload = new Payload("hello", null, false, null);
        try (BotStore one = BotStore.open(url);
                BotStore two = vendor.equals(Stores.SQLITE) ? one : BotStore.open(url)) {
            List<Callable<Void>> writers = List.of(one, two).stream().<Callable<Void>>map(store -> () -> {
                for (int i = 0; i < 50; i++) {
                    store.tx(c -> {
                        store.outbox().insert(c, List.of(new OutboxEntry.New("C1", OutboxEntry.Op.NOTICE, null,
                                payload, now)), now);
                        return null;
                    });
                }
                return null;
            }).toList();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (Future<Void> done : threads.invokeAll(writers)) {
                    done.get();
                }
            } finally {
                threads.shutdown();
            }
            List<OutboxEntry> pending = one.tx(c -> one.outbox().pendingIn(c, "C1"));
            assertThat(pending).hasSize(100).extracting(OutboxEntry::id).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void claimButton_racingStores_onlyOneWins(String vendor, @TempDir Path dir) throws Exception {
        String url = Stores.freshUrl(vendor, dir);
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        try (BotStore one = BotStore.open(url);
                BotStore two = vendor.equals(Stores.SQLITE) ? one : BotStore.open(url)) {
            one.putButton(new ButtonAction("tok", ButtonAction.Kind.CONFIRM, "U1", "C1", "import delete x --yes",
                    now, now.plusSeconds(60), null));
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> claims = threads.invokeAll(List.of(() -> one.claimButton("tok", now),
                        () -> two.claimButton("tok", now)));
                assertThat(List.of(claims.get(0).get(), claims.get(1).get())).containsExactlyInAnyOrder(true, false);
            } finally {
                threads.shutdown();
            }
            assertThat(two.button("tok")).get().extracting(ButtonAction::usedAt).isEqualTo(now);
            assertThat(one.claimButton("tok", now)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void pruneFinished_keepsTheDaysThreadForItsDay_thenForgetsIt(String vendor, @TempDir Path dir) {
        Instant made = Instant.parse("2026-11-29T08:00:00Z");
        ChannelWatch thread = DayThreads.create("C1", JobKind.IMPORT, java.time.LocalDate.of(2026, 11, 29), made);
        ChannelWatch ended = new ChannelWatch("w-ended", "C1", JobKind.IMPORT, "imp-1", "U1", "1.2", "FAILED", made);
        try (BotStore store = BotStore.open(Stores.freshUrl(vendor, dir))) {
            store.tx(c -> {
                store.watches().insert(c, thread, false);
                store.watches().insert(c, ended, false);
                store.watches().pruneFinished(c, made.minus(DayThreads.KEPT));
                return null;
            });
            java.util.Optional<ChannelWatch> kept = store.tx(
                    c -> store.watches().dayThread(c, "C1", java.time.LocalDate.of(2026, 11, 29)));
            java.util.Optional<ChannelWatch> pruned = store.tx(c -> store.watches().byId(c, "w-ended"));
            assertThat(kept).contains(thread);
            assertThat(pruned).isEmpty();

            store.tx(c -> {
                store.watches().pruneFinished(c, made.plusSeconds(1));
                return null;
            });
            java.util.Optional<ChannelWatch> later = store.tx(c -> store.watches().byId(c, thread.id()));
            assertThat(later).isEmpty();
        }
    }
}
