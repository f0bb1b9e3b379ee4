package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.training.Watchdog;
import dev.mstudio.watch.TestScheduler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code subscribe finetunes --alerts --stalled 30m}: the watchdog's alerts about running jobs reach
 * subscribed channels at their own thresholds and watching channels at the defaults, once each.
 * The sandbox's lifecycles are frozen, so a running job's log never grows; the watchdog runs on
 * the delivery's fake clock.
 */
class SubscriptionAlertsTest {
    private final TestScheduler delivery = new TestScheduler();
    private final NotifyFixture f = NotifyFixture.onFakeTime(delivery);

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void stalledRunningJob_isToldToTheWatchAtTwentyMinutes_andToTheSubscriptionAtItsThirty_onceEach() throws Exception {
        f.sandbox.seed(0, 1, 1.0);
        String id = f.client.listFineTunes(new FineTuneQuery(1, 10, null, null)).items().get(0).id();
        f.sandbox.forceStatus(id, "RUNNING");
        Watchdog.Thresholds patient = Watchdog.Thresholds.DEFAULTS.with(Duration.ofMinutes(30), Duration.ofHours(2));
        f.notifier.subscribe("C2", new SubscriptionSpec(JobKind.FINETUNE, null, false,
                NotifySubscription.Broadcast.FAILURES, patient), "U1");
        f.notifier.subscribe("C3", SubscriptionSpec.of(JobKind.FINETUNE), "U1");
        f.notifier.watch("C4", JobKind.FINETUNE, id, "U2");
        f.awaitSynced(JobKind.FINETUNE);

        Waits.until("the watching channel is told", () -> {
            delivery.advance(Duration.ofMinutes(1));
            return !stalled("C4").isEmpty();
        });
        assertThat(stalled("C2")).as("30 minutes have not passed for the subscription").isEmpty();
        for (int minute = 0; minute < 10; minute++) {
            delivery.advance(Duration.ofMinutes(1));
        }
        assertThat(stalled("C2")).singleElement().satisfies(alert ->
                assertThat(alert.text()).contains(":rotating_light:", id, "has not grown for 30 min"));
        for (int minute = 0; minute < 40; minute++) {
            delivery.advance(Duration.ofMinutes(1));
        }

        assertThat(stalled("C4")).hasSize(1);
        assertThat(stalled("C2")).hasSize(1);
        assertThat(f.posts("C3")).as("a subscription without --alerts hears only of ends").isEmpty();
    }

    @Test
    void subscribeAgain_withoutAlerts_stopsThem_andAJobNobodyWantsAlertsForCostsNoLogRequest() throws Exception {
        f.sandbox.seed(0, 1, 1.0);
        String id = f.client.listFineTunes(new FineTuneQuery(1, 10, null, null)).items().get(0).id();
        f.sandbox.forceStatus(id, "RUNNING");
        f.notifier.subscribe("C1", new SubscriptionSpec(JobKind.FINETUNE, null, false,
                NotifySubscription.Broadcast.FAILURES, Watchdog.Thresholds.DEFAULTS), "U1");
        NotifySubscription plain = f.notifier.subscribe("C1", SubscriptionSpec.of(JobKind.FINETUNE), "U1");
        f.awaitSynced(JobKind.FINETUNE);
        f.sandbox.resetStats();

        for (int minute = 0; minute < 40; minute++) {
            delivery.advance(Duration.ofMinutes(1));
        }

        assertThat(plain.alerts()).isNull();
        assertThat(f.notifier.subscriptions("C1").subscriptions()).singleElement()
                .satisfies(sub -> assertThat(sub.alerts()).isNull());
        assertThat(f.posts("C1")).isEmpty();
        assertThat(f.sandbox.stats().count("GET /api/v1/fine-tunes/{job_id}/logs")).isZero();
    }

    private List<SlackCall> stalled(String channel) {
        return f.posts(channel).stream().filter(c -> c.text().contains("has not grown")).toList();
    }
}
