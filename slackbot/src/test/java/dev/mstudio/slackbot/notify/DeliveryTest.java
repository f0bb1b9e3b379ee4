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
 * Delivery on a fake clock: the notifier's scheduler only runs when the test advances it, and
 * Slack calls run on the calling thread, so every wait is counted in fake seconds.
 */
class DeliveryTest {
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
    void theWebApiClient_makesOnlyTheCallsDeliveryMeans_noHiddenAuthTest() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");

        delivery.runDue();

        assertThat(f.posts("C1")).hasSize(1);
        assertThat(f.slack.calls("auth.test")).as("the SDK's own statistics would look the team up first: one more "
                + "call that can be rate-limited and log a stack trace").isEmpty();
    }

    @Test
    void throttled_waitsOutRetryAfter_thenDeliversEveryMessageInOrder() throws Exception {
        List<ImportJob> jobs = f.seedImports(3);
        f.slack.throttleNext("chat.postMessage", 1, 30);
        for (ImportJob job : jobs) {
            f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");
        }

        delivery.runDue();
        assertThat(f.slack.calls("chat.postMessage")).singleElement()
                .satisfies(c -> assertThat(c.error()).isEqualTo("ratelimited"));
        assertThat(f.notifier.health().waitingChannels()).isEqualTo(1);

        delivery.advance(Duration.ofSeconds(29));
        assertThat(f.posts("C1")).isEmpty();

        delivery.advance(Duration.ofSeconds(1));
        assertThat(f.posts("C1")).hasSize(1);
        delivery.advance(Duration.ofMillis(999));
        assertThat(f.posts("C1")).as("one message per second per channel").hasSize(1);
        delivery.advance(Duration.ofMillis(1));
        assertThat(f.posts("C1")).hasSize(2);
        delivery.advance(Duration.ofSeconds(1));

        assertThat(f.posts("C1")).extracting(SlackCall::text).hasSize(3).satisfies(texts -> {
            for (int i = 0; i < 3; i++) {
                assertThat(texts.get(i)).contains(jobs.get(i).jobId());
            }
        });
        assertThat(f.notifier.health().throttled()).isEqualTo(1);
        assertThat(f.pending()).isZero();
    }

    @Test
    void throttledOnTwoChannels_pausesEveryChannel_untilRetryAfter() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.slack.throttleNext("chat.postMessage", 2, 10);
        for (String channel : List.of("C1", "C2", "C3")) {
            f.notifier.watch(channel, JobKind.IMPORT, job.jobId(), "U1");
        }

        delivery.runDue();
        assertThat(f.slack.calls("chat.postMessage")).extracting(SlackCall::channel).containsExactly("C1", "C2");
        delivery.advance(Duration.ofMillis(9999));
        assertThat(f.slack.calls("chat.postMessage")).as("C3 waits too: Slack limits the workspace").hasSize(2);

        delivery.advance(Duration.ofMillis(1));
        assertThat(f.posts("C1")).hasSize(1);
        assertThat(f.posts("C2")).hasSize(1);
        assertThat(f.posts("C3")).hasSize(1);
    }

    @Test
    void channels_arePacedEachOnItsOwn() throws Exception {
        List<ImportJob> jobs = f.seedImports(2);
        for (String channel : List.of("C1", "C2")) {
            for (ImportJob job : jobs) {
                f.notifier.watch(channel, JobKind.IMPORT, job.jobId(), "U1");
            }
        }

        delivery.runDue();
        assertThat(f.posts("C1")).hasSize(1);
        assertThat(f.posts("C2")).hasSize(1);

        delivery.advance(Duration.ofSeconds(1));
        assertThat(f.posts("C1")).hasSize(2);
        assertThat(f.posts("C2")).hasSize(2);
    }

    @Test
    void permanentError_isRecordedAndDropped_andTheChannelGoesOn() throws Exception {
        List<ImportJob> jobs = f.seedImports(2);
        f.slack.failNext("chat.postMessage", 1, "not_in_channel");
        f.notifier.watch("C1", JobKind.IMPORT, jobs.get(0).jobId(), "U1");
        f.notifier.watch("C1", JobKind.IMPORT, jobs.get(1).jobId(), "U1");

        delivery.runDue();
        delivery.advance(Duration.ofSeconds(1));

        assertThat(f.posts("C1")).singleElement().satisfies(c -> assertThat(c.text()).contains(jobs.get(1).jobId()));
        NotifyHealth health = f.notifier.health();
        assertThat(health.dropped()).isEqualTo(1);
        assertThat(health.lastError()).contains("not_in_channel");
        assertThat(health.pending()).isZero();
    }

    @Test
    void transientError_retriesWithBackoff_keepingOrder() throws Exception {
        List<ImportJob> jobs = f.seedImports(2);
        f.slack.failNext("chat.postMessage", 2, "internal_error");
        f.notifier.watch("C1", JobKind.IMPORT, jobs.get(0).jobId(), "U1");
        f.notifier.watch("C1", JobKind.IMPORT, jobs.get(1).jobId(), "U1");

        delivery.runDue();
        delivery.advance(Duration.ofMillis(1999));
        assertThat(f.slack.calls("chat.postMessage")).hasSize(1);
        delivery.advance(Duration.ofMillis(1));
        assertThat(f.slack.calls("chat.postMessage")).hasSize(2);
        delivery.advance(Duration.ofMillis(3999));
        assertThat(f.posts("C1")).isEmpty();
        delivery.advance(Duration.ofMillis(1));
        delivery.advance(Duration.ofSeconds(1));

        assertThat(f.posts("C1")).extracting(SlackCall::text).hasSize(2)
                .satisfies(texts -> {
                    assertThat(texts.get(0)).contains(jobs.get(0).jobId());
                    assertThat(texts.get(1)).contains(jobs.get(1).jobId());
                });
        assertThat(f.notifier.health().dropped()).isZero();
    }

    @Test
    void slackDown_isRetriedUntilItIsBack_andNothingIsDropped() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.slack.down(true);
        f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");

        delivery.runDue();
        assertThat(f.slack.calls("chat.postMessage")).singleElement()
                .satisfies(c -> assertThat(c.error()).isEqualTo("service_unavailable"));
        f.slack.down(false);
        delivery.advance(Duration.ofSeconds(2));

        assertThat(f.posts("C1")).singleElement().satisfies(c -> assertThat(c.text()).contains(job.jobId()));
        assertThat(f.notifier.health().dropped()).isZero();
    }

    @Test
    void channelTheBotIsNotIn_isRefusedByFakeSlack_andRecorded() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.slack.addChannel("C-outside");
        f.notifier.watch("C-outside", JobKind.IMPORT, job.jobId(), "U1");

        delivery.runDue();

        assertThat(f.slack.calls("chat.postMessage")).first()
                .satisfies(c -> assertThat(c.error()).isEqualTo("not_in_channel"));
        assertThat(f.notifier.health().lastError()).contains("not_in_channel");
    }

    @Test
    void droppedNotification_isToldToWhoeverSetItUp_once_andShownUntilDeliveryWorksAgain() throws Exception {
        List<ImportJob> jobs = f.seedImports(3);
        f.slack.addChannel("C-outside");
        f.notifier.watch("C-outside", JobKind.IMPORT, jobs.get(0).jobId(), "U0OWNER");
        f.notifier.watch("C-outside", JobKind.IMPORT, jobs.get(1).jobId(), "U0OWNER");

        delivery.runDue();
        delivery.advance(Duration.ofSeconds(2));

        assertThat(f.posts("U0OWNER")).as("one direct message, not one per dropped post").singleElement()
                .satisfies(c -> assertThat(c.text()).contains("could not post").contains("<#C-outside>")
                        .contains("not_in_channel").contains("/invite @mstudio"));
        assertThat(f.notifier.health().degraded()).isTrue();
        assertThat(f.notifier.deliveryProblem("C-outside")).hasValueSatisfying(p -> assertThat(p).contains("not_in_channel"));

        f.slack.join("C-outside");
        f.notifier.watch("C-outside", JobKind.IMPORT, jobs.get(2).jobId(), "U0OWNER");
        delivery.advance(Duration.ofSeconds(2));

        assertThat(f.posts("C-outside")).hasSize(1);
        assertThat(f.notifier.deliveryProblem("C-outside")).isEmpty();
        assertThat(f.notifier.health().degraded()).isFalse();
    }

    @Test
    void lostAnswer_isFoundInTheChannelByItsMetadata_andNotPostedAgain() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.slack.loseNextAnswers("chat.postMessage", 1);
        f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");

        delivery.runDue();
        SlackCall lost = f.slack.calls("chat.postMessage").get(0);
        assertThat(lost.error()).isEqualTo("answer_lost");
        assertThat(lost.ts()).as("Slack did post it").isNotNull();
        delivery.advance(Duration.ofSeconds(2));

        assertThat(f.slack.calls("chat.postMessage")).as("never posted twice").hasSize(1);
        assertThat(f.slack.calls("conversations.history")).singleElement().satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(f.pending()).isZero();
        assertThat(f.notifier.health().dropped()).isZero();
        List<ChannelWatch> watches = f.store.tx(c -> f.store.watches().allActive(c));
        assertThat(watches).singleElement().satisfies(watch -> assertThat(watch.messageTs()).isEqualTo(lost.ts()));
    }

    @Test
    void failedPost_thatSlackNeverMade_isLookedForOnce_thenPosted() throws Exception {
        ImportJob job = f.seedImports(1).get(0);
        f.slack.failNext("chat.postMessage", 1, "internal_error");
        f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");

        delivery.runDue();
        delivery.advance(Duration.ofSeconds(2));

        assertThat(f.slack.calls("conversations.history")).hasSize(1);
        assertThat(f.posts("C1")).singleElement().satisfies(c -> assertThat(c.text()).contains(job.jobId()));
        assertThat(f.pending()).isZero();
    }

    @Test
    void watchedFineTune_whoseLogStopsGrowing_isReportedInTheChannelOnce() throws Exception {
        f.sandbox.seed(0, 1, 1.0);
        String id = f.client.listFineTunes(new dev.mstudio.client.FineTuneQuery(1, 10, null, null)).items().get(0).id();
        f.sandbox.forceStatus(id, "RUNNING");
        f.notifier.watch("C1", JobKind.FINETUNE, id, "U1");
        delivery.runDue();
        f.awaitSynced(JobKind.FINETUNE);

        for (int minute = 0; minute < 45; minute++) {
            delivery.advance(Duration.ofMinutes(1));
        }

        assertThat(f.posts("C1")).filteredOn(c -> c.text().contains("has not grown")).singleElement()
                .satisfies(c -> assertThat(c.text()).contains(id).contains("RUNNING but its log has not grown for 20 min"));
    }
}
