package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one delivery attempt takes from a channel's queue, against a real (SQLite) store. */
class AttemptPlannerTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private final BotStore store = BotStore.open("jdbc:sqlite::memory:");
    private final AttemptPlanner planner = new AttemptPlanner(store, new Messages(Clock.fixed(NOW, ZoneOffset.UTC)), 5);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void digest_takesOnlyTheNoticesBeforeAJobsOwnUpdate_soItNeverOvertakesIt() {
        List<OutboxEntry.New> queued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queued.add(notice("job-" + i + " ended"));
        }
        queued.add(new OutboxEntry.New("C1", OutboxEntry.Op.UPDATE, "w1", payload("job-w is SUCCESSED"), NOW));
        queued.add(new OutboxEntry.New("C1", OutboxEntry.Op.REPLY, "w1", payload("job-w ended"), NOW));
        queued.add(notice("job-9 ended"));
        store.tx(c -> {
            store.outbox().insert(c, queued, NOW);
            return null;
        });
        List<OutboxEntry> pending = store.tx(c -> store.outbox().pendingIn(c, "C1"));

        Attempt digest = store.tx(c -> planner.plan(c, pending.get(0)));

        assertThat(digest.call().digest()).isTrue();
        assertThat(digest.ids()).containsExactlyElementsOf(pending.subList(0, 6).stream().map(OutboxEntry::id).toList());
        assertThat(digest.call().payload().text()).contains("job-0").contains("job-5").doesNotContain("job-w")
                .doesNotContain("job-9");
    }

    private static OutboxEntry.New notice(String line) {
        return new OutboxEntry.New("C1", OutboxEntry.Op.NOTICE, null, payload(line), NOW);
    }

    private static Payload payload(String line) {
        return new Payload(line, null, false, line);
    }
}
