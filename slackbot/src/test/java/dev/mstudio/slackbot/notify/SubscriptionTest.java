package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ImportJob;
import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.watch.TestScheduler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channel subscriptions: filters, unsubscribing and digests. The watchers poll the sandbox on real
 * threads; delivery runs on a fake clock, so the test decides when the outbox is sent.
 */
class SubscriptionTest {
    private final TestScheduler delivery = new TestScheduler();
    private NotifyFixture f;

    @BeforeEach
    void start() {
        f = NotifyFixture.onFakeTime(delivery);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void subscribe_withModelAndOnlyFailures_notifiesOnlyMatchingTerminalTransitions() throws Exception {
        List<ImportJob> jobs = f.seedImports(3);
        ImportJob ofModel = jobs.get(0);
        ImportJob failing = jobs.get(1);
        f.notifier.subscribe("C-model", new SubscriptionSpec(JobKind.IMPORT, ofModel.modelName().toUpperCase(), false, NotifySubscription.Broadcast.ALL), "U1");
        f.notifier.subscribe("C-failures", new SubscriptionSpec(JobKind.IMPORT, null, true, NotifySubscription.Broadcast.ALL), "U1");
        f.notifier.subscribe("C-all", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.awaitSynced(JobKind.IMPORT);

        f.sandbox.forceStatus(ofModel.jobId(), "SUCCESSED");
        f.sandbox.forceStatus(failing.jobId(), "FAILED");
        Waits.until("4 notices queued", () -> f.pending() == 4);
        deliverUntil(() -> f.pending() == 0);

        assertThat(texts("C-model")).singleElement().asString().contains(ofModel.jobId(), "SUCCESSED");
        assertThat(texts("C-failures")).singleElement().asString().contains(failing.jobId(), "FAILED", "error_code");
        assertThat(texts("C-all")).hasSize(2);
        assertThat(f.slack.calls("chat.postMessage")).noneMatch(c -> c.text().contains(jobs.get(2).jobId()));
    }

    @Test
    void subscribe_sameFilterTwice_keepsOneSubscription() {
        NotifySubscription first = f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.FINETUNE, "qwen-plus", true, NotifySubscription.Broadcast.ALL), "U1");
        NotifySubscription again = f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.FINETUNE, "QWEN-PLUS", true, NotifySubscription.Broadcast.ALL), "U2");

        assertThat(again).isEqualTo(first);
        assertThat(f.notifier.subscriptions("C1").subscriptions()).containsExactly(first);
        assertThat(first.id()).startsWith("sub-");
    }

    @Test
    void unsubscribe_byKindOrId_removesAndStopsNotices() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.notifier.subscribe("C-gone", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        NotifySubscription byId = f.notifier.subscribe("C-gone-too", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.notifier.subscribe("C-kept", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.awaitSynced(JobKind.IMPORT);

        assertThat(f.notifier.unsubscribe("C-gone", "imports")).isTrue();
        assertThat(f.notifier.unsubscribe("C-gone-too", byId.id())).isTrue();
        assertThat(f.notifier.unsubscribe("C-gone", "imports")).isFalse();
        f.sandbox.forceStatus(job.jobId(), "FAILED");
        Waits.until("the kept channel's notice queued", () -> f.pending() == 1);
        deliverUntil(() -> f.pending() == 0);

        assertThat(f.notifier.subscriptions("C-gone").isEmpty()).isTrue();
        assertThat(f.notifier.subscriptions("C-gone-too").isEmpty()).isTrue();
        assertThat(f.slack.calls("chat.postMessage")).filteredOn(SlackCall::ok)
                .extracting(SlackCall::channel).containsExactly("C-kept");
    }

    @Test
    void unsubscribe_lastSubscriptionOfAKind_releasesTheCoreSubscription() {
        f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        assertThat(f.notifier.health().coreSubscriptions()).isEqualTo(1);

        f.notifier.unsubscribe("C1", "all");

        assertThat(f.notifier.health().coreSubscriptions()).isZero();
        assertThat(f.watchers.of(JobKind.IMPORT).health().listeners()).isZero();
    }

    @Test
    void burstOfCompletions_isRolledIntoOneDigest() throws Exception {
        List<ImportJob> jobs = f.seedImports(7);
        f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.awaitSynced(JobKind.IMPORT);

        jobs.forEach(job -> f.sandbox.forceStatus(job.jobId(), "FAILED"));
        Waits.until("7 notices queued", () -> f.pending() == 7);
        deliverUntil(() -> f.pending() == 0);

        assertThat(f.posts("C1")).singleElement().satisfies(digest -> {
            assertThat(digest.text()).startsWith("7 jobs finished");
            jobs.forEach(job -> assertThat(digest.text()).contains(job.jobId()));
        });
        assertThat(f.pending()).isZero();
    }

    @Test
    void fewCompletions_areSentOneByOne() throws Exception {
        List<ImportJob> jobs = f.seedImports(3);
        f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.awaitSynced(JobKind.IMPORT);

        jobs.forEach(job -> f.sandbox.forceStatus(job.jobId(), "SUCCESSED"));
        Waits.until("3 notices queued", () -> f.pending() == 3);
        deliverUntil(() -> f.pending() == 0);

        assertThat(f.posts("C1")).hasSize(3).noneMatch(c -> c.text().contains("jobs finished"));
    }

    @Test
    void burstOfSixtyFailures_becomesDigestsSlackAccepts_andNoJobIsLost() throws Exception {
        List<ImportJob> jobs = f.seedImports(60);
        f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.awaitSynced(JobKind.IMPORT);

        jobs.forEach(job -> f.sandbox.forceStatus(job.jobId(), "FAILED"));
        Waits.until("60 notices queued", () -> f.pending() == 60);
        deliverUntil(() -> f.pending() == 0);

        assertThat(f.slack.calls("chat.postMessage")).isNotEmpty().allSatisfy(c -> assertThat(c.error()).isNull());
        assertThat(f.notifier.health().dropped()).isZero();
        assertThat(f.pending()).isZero();
        String posted = String.join("\n", texts("C1"));
        assertThat(posted).contains("jobs finished");
        jobs.forEach(job -> assertThat(posted).contains(job.jobId()));
    }

    @Test
    void watchedJob_isNotAlsoAnnouncedBySubscription() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");
        f.awaitSynced(JobKind.IMPORT);
        delivery.runDue();

        f.sandbox.forceStatus(job.jobId(), "FAILED");
        Waits.until("update and reply queued", () -> f.pending() == 2);
        deliverUntil(() -> f.posts("C1").size() >= 2);

        assertThat(f.posts("C1")).hasSize(2);
        assertThat(f.posts("C1").get(1).threadTs()).isEqualTo(f.posts("C1").get(0).ts());
    }

    @Test
    void broadcastFailures_theDefault_keepsSuccessesInTheDaysThread_andPostsFailuresInTheChannel() throws Exception {
        List<ImportJob> jobs = f.seedImports(3);
        f.notifier.subscribe("C1", SubscriptionSpec.of(JobKind.IMPORT), "U1");
        f.awaitSynced(JobKind.IMPORT);

        f.sandbox.forceStatus(jobs.get(0).jobId(), "SUCCESSED");
        f.sandbox.forceStatus(jobs.get(1).jobId(), "FAILED");
        f.sandbox.forceStatus(jobs.get(2).jobId(), "SUCCESSED");
        Waits.until("thread, 2 replies and a failure queued", () -> f.pending() == 4);
        deliverUntil(() -> f.pending() == 0);

        // the watcher may report the three changes in one poll or in several: the order in the channel varies
        List<SlackCall> inChannel = f.posts("C1").stream().filter(c -> c.threadTs() == null).toList();
        assertThat(inChannel).hasSize(2);
        SlackCall thread = inChannel.stream().filter(c -> c.text().startsWith("Jobs that ended on ")).findFirst()
                .orElseThrow();
        assertThat(inChannel).filteredOn(c -> c != thread).singleElement()
                .satisfies(failure -> assertThat(failure.text()).contains(jobs.get(1).jobId(), "FAILED"));
        List<SlackCall> replies = f.posts("C1").stream().filter(c -> c.threadTs() != null).toList();
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.threadTs()).isEqualTo(thread.ts());
            assertThat(reply.param("reply_broadcast")).isNotEqualTo("true");
        });
        assertThat(String.join("\n", replies.stream().map(SlackCall::text).toList()))
                .contains(jobs.get(0).jobId(), jobs.get(2).jobId()).doesNotContain(jobs.get(1).jobId());
    }

    @Test
    void broadcastNone_keepsFailuresInTheThreadToo_andEachDayHasItsOwnThread() throws Exception {
        List<ImportJob> jobs = f.seedImports(2);
        f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.NONE),
                "U1");
        f.awaitSynced(JobKind.IMPORT);

        f.sandbox.forceStatus(jobs.get(0).jobId(), "FAILED");
        Waits.until("first day's thread and reply queued", () -> f.pending() == 2);
        deliverUntil(() -> f.pending() == 0);
        delivery.advance(Duration.ofDays(1));
        f.sandbox.forceStatus(jobs.get(1).jobId(), "FAILED");
        Waits.until("second day's thread and reply queued", () -> f.pending() == 2);
        deliverUntil(() -> f.pending() == 0);

        List<SlackCall> threads = f.posts("C1").stream().filter(c -> c.threadTs() == null).toList();
        assertThat(threads).hasSize(2).allSatisfy(t -> assertThat(t.text()).startsWith("Jobs that ended on "));
        assertThat(threads.get(0).text()).isNotEqualTo(threads.get(1).text());
        for (int day = 0; day < 2; day++) {
            String threadTs = threads.get(day).ts();
            String jobId = jobs.get(day).jobId();
            assertThat(f.posts("C1")).filteredOn(c -> threadTs.equals(c.threadTs())).singleElement()
                    .satisfies(reply -> assertThat(reply.text()).contains(jobId, "FAILED"));
        }
    }

    @Test
    void burstKeptInTheThread_becomesOneDigestReplyThere() throws Exception {
        List<ImportJob> jobs = f.seedImports(7);
        f.notifier.subscribe("C1", SubscriptionSpec.of(JobKind.IMPORT), "U1");
        f.awaitSynced(JobKind.IMPORT);

        jobs.forEach(job -> f.sandbox.forceStatus(job.jobId(), "SUCCESSED"));
        Waits.until("thread and 7 replies queued", () -> f.pending() == 8);
        deliverUntil(() -> f.pending() == 0);

        assertThat(f.posts("C1")).hasSize(2);
        SlackCall digest = f.posts("C1").get(1);
        assertThat(digest.threadTs()).isEqualTo(f.posts("C1").get(0).ts());
        assertThat(digest.text()).startsWith("7 jobs finished");
        jobs.forEach(job -> assertThat(digest.text()).contains(job.jobId()));
    }

    @Test
    void subscribeAgain_withAnotherBroadcast_changesTheOneSubscription() {
        NotifySubscription first = f.notifier.subscribe("C1", SubscriptionSpec.of(JobKind.IMPORT), "U1");
        NotifySubscription again = f.notifier.subscribe("C1",
                new SubscriptionSpec(JobKind.IMPORT, null, false, NotifySubscription.Broadcast.ALL), "U2");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.broadcast()).isEqualTo(NotifySubscription.Broadcast.ALL);
        assertThat(f.notifier.subscriptions("C1").subscriptions()).containsExactly(again);
    }

    /**
     * Advances delivery's fake clock a second at a time until {@code done}: the watcher thread that
     * queued the messages may wake delivery a moment after the queue is seen, so one fixed advance
     * could come before the wake-up.
     */
    private void deliverUntil(java.util.function.BooleanSupplier done) {
        Waits.until("delivered", () -> {
            delivery.advance(Duration.ofSeconds(1));
            return done.getAsBoolean();
        });
    }

    private List<String> texts(String channel) {
        return f.posts(channel).stream().map(SlackCall::text).toList();
    }

    @Test
    void failedFineTune_notice_carriesItsErrorCodeAndTheLastLinesOfItsLog() throws Exception {
        f.sandbox.seed(0, 1, 1.0);
        String id = f.client.listFineTunes(new dev.mstudio.client.FineTuneQuery(1, 10, null, null)).items().get(0).id();
        f.notifier.subscribe("C-all", new SubscriptionSpec(JobKind.FINETUNE, null, false, NotifySubscription.Broadcast.ALL), "U1");
        f.awaitSynced(JobKind.FINETUNE);

        f.sandbox.forceStatus(id, "FAILED");
        Waits.until("the failure notice queued", () -> f.pending() == 1);
        deliverUntil(() -> !f.posts("C-all").isEmpty());

        SlackCall notice = f.posts("C-all").get(0);
        String blocks = notice.body().path("blocks").toString();
        assertThat(notice.text()).contains(id, "FAILED");
        assertThat(blocks).contains("Last log lines:").contains("ERROR ").contains("Job failed.");
    }
}
