package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader lease on a real PostgreSQL, driven tick by tick on a fake clock. */
class LeaderLeaseTest {
    private Instant now = Instant.parse("2024-06-01T12:00:00Z");
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
            return now;
        }
    };
    private final List<Boolean> heardByA = new ArrayList<>();
    private BotStore storeA;
    private BotStore storeB;
    private LeaderLease a;
    private LeaderLease b;

    @BeforeEach
    void open(@TempDir Path dir) {
        String url = Stores.freshUrl(Stores.POSTGRESQL, dir);
        storeA = BotStore.open(url);
        storeB = BotStore.open(url);
        a = new LeaderLease(storeA, "a", clock, heardByA::add);
        b = new LeaderLease(storeB, "b", clock, leads -> { });
    }

    @AfterEach
    void close() {
        storeA.close();
        storeB.close();
    }

    @Test
    void tick_twoReplicas_exactlyOneLeadsWhileItRenews() {
        assertThat(a.tick()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(b.tick()).isFalse();
            advance(LeaderLease.RENEW_EVERY);
            assertThat(a.tick()).isTrue();
        }
        assertThat(heardByA).containsOnly(true);
    }

    @Test
    void tick_leaderStopsRenewing_followerTakesOverWithinFifteenSeconds() {
        a.tick();
        Duration waited = Duration.ZERO;
        while (!b.tick()) {
            advance(LeaderLease.RENEW_EVERY);
            waited = waited.plus(LeaderLease.RENEW_EVERY);
        }

        assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(15)).isGreaterThanOrEqualTo(LeaderLease.TTL);
        assertThat(a.isLeader()).isFalse();
        assertThat(a.tick()).isFalse();
    }

    @Test
    void isLeader_withoutRenewal_endsBeforeAnyoneElseCanTakeOver() {
        a.tick();
        advance(LeaderLease.TTL.minus(LeaderLease.MARGIN));

        assertThat(a.isLeader()).isFalse();
        assertThat(b.tick()).isFalse();
    }

    @Test
    void close_releasesTheLease_followerLeadsAtItsNextTick() {
        a.tick();
        a.close();

        assertThat(b.tick()).isTrue();
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
    }
}
