package dev.mstudio.slackbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.ValueType;
import dev.mstudio.slackbot.notify.BotStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long tables kept in the bot's store for the More button: read back by another store on the same file, expiring. */
class TablePagesTest {
    private static final Instant NOW = Instant.parse("2024-11-01T12:00:00Z");
    private static final List<Column> COLUMNS = List.of(new Column("ID", ValueType.ID),
            new Column("STATUS", ValueType.STATUS), new Column("SIZE", ValueType.NUMBER),
            new Column("CREATED", ValueType.TIME));

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final TableCodec codec = new TableCodec(line -> Optional.ofNullable(CommandLanguage.standard().parse(line).command()));

    @Test
    void keep_thenFindThroughAnotherStore_givesTheSameRowsFollowUpsAndOwner(@TempDir Path dir) {
        Result.Table table = new Result.Table("Import jobs", COLUMNS, List.of(
                Arrays.asList("job-1", "RUNNING", 12L, NOW.minusSeconds(60)),
                Arrays.asList("job-2", null, 3.5, NOW)), "page 1 of 2 · 40 jobs", null,
                List.of(new Result.FollowUp("Next page", CommandLanguage.standard().parse("imports --page 2").command())));
        String url = "jdbc:sqlite:" + dir.resolve("bot.db");
        String token;
        try (BotStore one = BotStore.open(url)) {
            token = new TablePages(one, clock, codec).keep(table, new Caller("C1", "U1"));
        }
        try (BotStore other = BotStore.open(url)) {
            TablePages.Kept kept = new TablePages(other, clock, codec).find(token).orElseThrow();

            assertThat(kept.owner()).isEqualTo("U1");
            assertThat(kept.table().title()).isEqualTo("Import jobs");
            assertThat(kept.table().footer()).isEqualTo("page 1 of 2 · 40 jobs");
            assertThat(kept.table().columns()).isEqualTo(COLUMNS);
            assertThat(kept.table().rows()).containsExactly(
                    Arrays.asList("job-1", "RUNNING", "12", NOW.minusSeconds(60)),
                    Arrays.asList("job-2", null, "3.5", NOW));
            assertThat(kept.table().followUps()).singleElement()
                    .satisfies(followUp -> assertThat(followUp.command().canonical()).isEqualTo("imports --page 2"));
        }
    }

    @Test
    void find_afterTheKeepTimeOrWithAForeignToken_isEmpty() {
        try (BotStore store = BotStore.open("jdbc:sqlite::memory:")) {
            TablePages pages = new TablePages(store, clock, codec);
            String token = pages.keep(new Result.Table("Jobs", COLUMNS, List.of(), null, null), new Caller("C1", "U1"));
            now.set(NOW.plus(TablePages.KEEP).minusSeconds(1));
            assertThat(pages.find(token)).isPresent();

            now.set(NOW.plus(TablePages.KEEP));

            assertThat(pages.find(token)).isEmpty();
            assertThat(pages.find("not-ours")).isEmpty();
            assertThat(pages.find("x".repeat(200))).isEmpty();
        }
    }

    @Test
    void lastListing_isForgottenAfterItsTtl_andReplacedByTheNextOne() {
        try (BotStore store = BotStore.open("jdbc:sqlite::memory:")) {
            StoredListings listings = new StoredListings(store, new Caller("C1", "U1"), clock);
            listings.remember("imports --page 1 --size 10");
            listings.remember("imports --page 2 --size 10");
            assertThat(new StoredListings(store, new Caller("C1", "U2"), clock).recall()).isEmpty();
            assertThat(new StoredListings(store, new Caller("C2", "U1"), clock).recall()).isEmpty();
            now.set(NOW.plus(BotStore.LISTING_TTL).minus(Duration.ofSeconds(1)));
            assertThat(listings.recall()).contains("imports --page 2 --size 10");

            now.set(NOW.plus(BotStore.LISTING_TTL).plusSeconds(1));

            assertThat(listings.recall()).isEmpty();
        }
    }
}
