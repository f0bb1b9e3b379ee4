package dev.mstudio.slackbot.notify;

import static dev.mstudio.slackbot.notify.NotifyFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ImportJob;
import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.watch.TestScheduler;
import dev.mstudio.watch.WatchHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Watches end to end: sandbox jobs, the shared core watchers, SQLite, the Slack SDK and FakeSlack. */
class NotifierSandboxTest {
    private static final Consumer<NotifierBuilder> QUICK = b -> b.perChannelInterval(Duration.ofMillis(20))
            .digest(5, Duration.ofMillis(50));

    @Test
    void watch_importFails_updatesTheMessageAndBroadcastsAThreadReplyWithTheErrorCode() throws Exception {
        try (NotifyFixture f = NotifyFixture.start("jdbc:sqlite::memory:", QUICK)) {
            ImportJob job = f.seedImports(1).get(0);

            WatchStart start = f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");
            SlackCall post = f.slack.awaitCall("chat.postMessage", c -> c.ok() && "C1".equals(c.channel()), TIMEOUT);
            f.sandbox.forceStatus(job.jobId(), "FAILED");
            SlackCall update = f.slack.awaitCall("chat.update", c -> c.ok() && c.text().contains("FAILED"), TIMEOUT);
            SlackCall reply = f.slack.awaitCall("chat.postMessage", c -> post.ts().equals(c.threadTs()), TIMEOUT);

            String errorCode = f.importJob(job.jobId()).errorCode();
            assertThat(start.outcome()).isEqualTo(WatchStart.Outcome.STARTED);
            assertThat(post.threadTs()).isNull();
            assertThat(post.text()).contains(job.jobId(), job.status());
            assertThat(post.body().path("blocks").isArray()).isTrue();
            assertThat(update.channel()).isEqualTo("C1");
            assertThat(update.ts()).isEqualTo(post.ts());
            assertThat(update.body().path("blocks").toString()).contains("FAILED");
            assertThat(reply.flag("reply_broadcast")).isTrue();
            assertThat(errorCode).isNotBlank();
            assertThat(reply.text()).contains(job.jobId(), "FAILED", "error_code: " + errorCode);
            assertThat(reply.text()).doesNotContain("http");
        }
    }

    @Test
    void watch_jobThatAlreadyEnded_postsItsFinalStateOnce() throws Exception {
        try (NotifyFixture f = NotifyFixture.start("jdbc:sqlite::memory:", QUICK)) {
            ImportJob job = f.seedImports(1).get(0);
            f.sandbox.forceStatus(job.jobId(), "SUCCESSED");

            WatchStart start = f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");
            SlackCall post = f.slack.awaitCall("chat.postMessage", c -> c.ok(), TIMEOUT);

            assertThat(start.outcome()).isEqualTo(WatchStart.Outcome.ALREADY_FINISHED);
            assertThat(post.text()).contains("SUCCESSED");
            assertThat(f.notifier.subscriptions("C1").watches()).isEmpty();
            assertThat(f.notifier.health().coreSubscriptions()).isZero();
        }
    }

    @Test
    void watch_sameJobTwiceInAChannel_postsOneMessage() throws Exception {
        try (NotifyFixture f = NotifyFixture.start("jdbc:sqlite::memory:", QUICK)) {
            ImportJob job = f.seedImports(1).get(0);

            f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");
            WatchStart again = f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U2");
            Waits.until("outbox drained", () -> f.pending() == 0);

            assertThat(again.outcome()).isEqualTo(WatchStart.Outcome.ALREADY_WATCHING);
            assertThat(f.posts("C1")).hasSize(1);
            assertThat(f.notifier.subscriptions("C1").watches()).singleElement()
                    .satisfies(w -> assertThat(w.messageTs()).isEqualTo(f.posts("C1").get(0).ts()));
        }
    }

    @Test
    void watch_hundredChannelsOnOneJob_holdOneCoreSubscriptionAndCostOneRequestPerPoll() throws Exception {
        TestScheduler polls = new TestScheduler();
        try (NotifyFixture f = NotifyFixture.start("jdbc:sqlite::memory:", QUICK, polls)) {
            ImportJob job = f.seedImports(1).get(0);
            List<String> channels = IntStream.rangeClosed(1, 100).mapToObj(i -> "C" + i).toList();
            for (String channel : channels) {
                f.notifier.watch(channel, JobKind.IMPORT, job.jobId(), "U1");
            }

            long before = f.sandbox.stats().total();
            polls.runDue();
            polls.advance(Duration.ofSeconds(1));
            polls.advance(Duration.ofSeconds(1));
            long requests = f.sandbox.stats().total() - before;
            WatchHealth health = f.watchers.of(JobKind.IMPORT).health();

            assertThat(health.listeners()).isEqualTo(1);
            assertThat(f.notifier.health().coreSubscriptions()).isEqualTo(1);
            assertThat(health.cycles()).isEqualTo(3);
            assertThat(requests).as("one GET per poll, as for a single channel").isEqualTo(3);

            Waits.until("100 watch messages posted", () -> f.pending() == 0);
            f.sandbox.forceStatus(job.jobId(), "FAILED");
            polls.advance(Duration.ofSeconds(1));
            for (String channel : channels) {
                f.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.threadTs() != null,
                        TIMEOUT);
            }
            assertThat(f.slack.calls("chat.update")).filteredOn(SlackCall::ok)
                    .extracting(SlackCall::channel).containsExactlyInAnyOrderElementsOf(channels);
            Waits.until("core subscription released", () -> f.notifier.health().coreSubscriptions() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void restart_pendingMessagesAndATransitionWhileStopped_areEachDeliveredOnce(String vendor, @TempDir Path dir) throws Exception {
        String db = Stores.freshUrl(vendor, dir);
        try (NotifyFixture f = NotifyFixture.start(db, QUICK)) {
            ImportJob job = f.seedImports(1).get(0);
            f.slack.throttleNext("chat.postMessage", 1000, 600);
            f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");
            f.notifier.watch("C2", JobKind.IMPORT, job.jobId(), "U2");
            Waits.until("first post throttled", () -> f.notifier.health().throttled() >= 1);
            assertThat(f.pending()).isEqualTo(2);

            f.stopBot();
            f.sandbox.forceStatus(job.jobId(), "FAILED");
            f.slack.clearFaults();
            f.startBot();
            Waits.until("both threads replied and outbox drained", () -> f.pending() == 0
                    && f.posts("C1").size() == 2 && f.posts("C2").size() == 2);

            String errorCode = f.importJob(job.jobId()).errorCode();
            for (String channel : List.of("C1", "C2")) {
                List<SlackCall> posts = f.posts(channel);
                SlackCall message = posts.get(0);
                SlackCall reply = posts.get(1);
                assertThat(message.threadTs()).isNull();
                assertThat(reply.threadTs()).isEqualTo(message.ts());
                assertThat(reply.flag("reply_broadcast")).isTrue();
                assertThat(reply.text()).contains("FAILED", errorCode);
                assertThat(lastText(f, channel, message)).contains("FAILED");
            }
            assertThat(f.notifier.health().dropped()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
    void restart_subscribedKindEndsWhileStopped_isAnnouncedOnce(String vendor, @TempDir Path dir) throws Exception {
        String db = Stores.freshUrl(vendor, dir);
        try (NotifyFixture f = NotifyFixture.start(db, QUICK)) {
            ImportJob job = f.seedImports(1).get(0);
            f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.IMPORT, null, true, NotifySubscription.Broadcast.ALL), "U1");
            Waits.until("the running job was seen", () -> f.store.<String>tx(
                    c -> f.store.state().announced(c, JobKind.IMPORT, job.jobId())) != null);

            f.stopBot();
            f.sandbox.forceStatus(job.jobId(), "FAILED");
            f.startBot();
            SlackCall notice = f.slack.awaitCall("chat.postMessage", c -> c.text().contains(job.jobId()), TIMEOUT);
            Waits.until("outbox drained", () -> f.pending() == 0);

            assertThat(notice.channel()).isEqualTo("C1");
            assertThat(notice.text()).contains("FAILED", "error_code");
            assertThat(f.posts("C1")).hasSize(1);
        }
    }

    /** The channel message's text after its last accepted update (or as posted). */
    private static String lastText(NotifyFixture f, String channel, SlackCall message) {
        List<SlackCall> updates = f.slack.calls("chat.update").stream()
                .filter(c -> c.ok() && channel.equals(c.channel()) && message.ts().equals(c.ts())).toList();
        return updates.isEmpty() ? message.text() : updates.get(updates.size() - 1).text();
    }
}
