package dev.mstudio.slackbot.notify;

import static dev.mstudio.slackbot.notify.NotifyFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ImportJob;
import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.watch.TestScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot replicas on one PostgreSQL store: only the leader follows jobs and delivers, whichever
 * replica recorded the watch; when the leader dies the other takes over from the stored state and
 * every message is delivered exactly once.
 */
class ReplicasTest {

    @Test
    void leaderDies_followerTakesOver_everyMessageDeliveredOnce(@TempDir Path dir) throws Exception {
        String db = Stores.freshUrl(Stores.POSTGRESQL, dir);
        AtomicBoolean aLeads = new AtomicBoolean(true);
        try (NotifyFixture a = NotifyFixture.start(db, b -> b.leadership(aLeads::get)
                .perChannelInterval(Duration.ofMillis(20)).digest(5, Duration.ofMillis(50)));
                ReplicaFixture b = new ReplicaFixture(a, db)) {
            a.store.saveOnlyWhile(aLeads::get);
            List<ImportJob> jobs = a.seedImports(2);
            String watched = jobs.get(0).jobId();
            String other = jobs.get(1).jobId();

            b.notifier.watch("C1", JobKind.IMPORT, watched, "U1");
            b.notifier.subscribe("C2", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
            assertThat(b.notifier.health().coreSubscriptions()).isZero();
            a.notifier.leading(true);
            a.slack.awaitCall("chat.postMessage", c -> c.ok() && "C1".equals(c.channel()), TIMEOUT);
            a.awaitSynced(JobKind.IMPORT);
            Waits.until("the leader recorded what it saw", () -> b.store.load(JobKind.IMPORT).containsKey(other));

            a.stopBot();
            a.sandbox.forceStatus(watched, "FAILED");
            a.sandbox.forceStatus(other, "FAILED");
            b.lead(true);

            a.slack.awaitCall("chat.postMessage", c -> c.ok() && c.text().contains(other), TIMEOUT);
            Waits.until("the takeover's outbox drained", () -> b.notifier.health().pending() == 0);
            assertThat(a.posts("C1")).hasSize(2);
            assertThat(a.posts("C1").get(1).threadTs()).isEqualTo(a.posts("C1").get(0).ts());
            assertThat(a.slack.calls("chat.update")).filteredOn(SlackCall::ok).hasSize(1);
            assertThat(a.posts("C2")).extracting(SlackCall::text)
                    .anySatisfy(t -> assertThat(t).contains(other))
                    .anySatisfy(t -> assertThat(t).contains(watched)).hasSize(2);
        }
    }

    @Test
    void follower_recordsButNeitherPollsNorDelivers(@TempDir Path dir) throws Exception {
        String db = Stores.freshUrl(Stores.POSTGRESQL, dir);
        AtomicBoolean aLeads = new AtomicBoolean(false);
        try (NotifyFixture a = NotifyFixture.start(db, b -> b.leadership(aLeads::get));
                ReplicaFixture b = new ReplicaFixture(a, db)) {
            String job = a.seedImports(1).get(0).jobId();

            a.notifier.watch("C1", JobKind.IMPORT, job, "U1");
            b.notifier.leading(false);

            assertThat(a.notifier.health().pending()).isEqualTo(1);
            assertThat(a.notifier.health().coreSubscriptions()).isZero();
            assertThat(b.notifier.health().coreSubscriptions()).isZero();
            assertThat(a.slack.calls("chat.postMessage")).isEmpty();
        }
    }

    @Test
    void leaderDiesMidSend_nextLeaderLooksTheMessageUp_insteadOfPostingAgain(@TempDir Path dir) throws Exception {
        String db = Stores.freshUrl(Stores.POSTGRESQL, dir);
        TestScheduler delivery = new TestScheduler();
        try (NotifyFixture a = NotifyFixture.start(db, b -> b.leadership(() -> true).clock(delivery.clock())
                .scheduler(delivery).executor(Runnable::run));
                ReplicaFixture b = new ReplicaFixture(a, db)) {
            String job = a.seedImports(1).get(0).jobId();
            a.slack.loseNextAnswers("chat.postMessage", 1);
            a.notifier.watch("C1", JobKind.IMPORT, job, "U1");
            delivery.runDue();
            assertThat(a.slack.calls("chat.postMessage")).singleElement()
                    .satisfies(c -> assertThat(c.error()).isEqualTo("answer_lost"));

            a.stopBot();
            b.lead(true);

            Waits.until("the new leader settled the entry", () -> b.notifier.health().pending() == 0);
            assertThat(a.slack.calls("chat.postMessage")).as("posted once in all").hasSize(1);
            assertThat(a.slack.calls("conversations.history")).isNotEmpty();
            assertThat(b.notifier.health().reconciled()).isEqualTo(1);
            assertThat(b.notifier.health().dropped()).isZero();
        }
    }
}
