package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.Deployment;
import dev.mstudio.client.JobKind;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deployments as the third kind the watchers follow, against the sandbox over loopback HTTP: their
 * lifecycle (PENDING 10-30 s, DEPLOYING 3-8 min, then RUNNING or FAILED) runs on the test
 * scheduler's fake clock, so the test moves time and the watcher reports each step.
 */
class SandboxDeploymentWatchTest {
    private static final String LIST = "GET /api/v1/deployments";
    private static final String GET = "GET /api/v1/deployments/{deployed_model}";
    /** Longer than any PENDING phase at speed 1. */
    private static final Duration PAST_PENDING = Duration.ofSeconds(31);
    /** Longer than any DEPLOYING phase at speed 1. */
    private static final Duration PAST_DEPLOYING = Duration.ofSeconds(481);

    private SandboxWatchers wired;
    private TestScheduler scheduler;
    private Sandbox sandbox;
    private Watchers watchers;

    /** Deployments that fail at this rate, on the test scheduler's clock at speed 1. */
    private void start(double failureRate) {
        wired = new SandboxWatchers(builder -> builder.random(42).failureRate(failureRate));
        scheduler = wired.scheduler;
        sandbox = wired.sandbox;
        watchers = wired.watchers;
    }

    @AfterEach
    void close() {
        wired.close();
    }

    @Test
    void watchedDeployment_isReportedFromPendingThroughDeployingToRunning_thenTheWatcherRests() throws IOException {
        start(0.0);
        String id = deploy("w1");
        Recorder rec = new Recorder();
        JobWatcher watcher = watchers.of(JobKind.DEPLOYMENT);
        watcher.subscribe(WatchFilter.job(id), rec);

        scheduler.runDue();
        scheduler.advance(PAST_PENDING);
        scheduler.advance(PAST_DEPLOYING);

        assertThat(rec.lines()).containsExactly("seen " + id + " PENDING", "changed " + id + " PENDING->DEPLOYING",
                "changed " + id + " DEPLOYING->RUNNING");
        StatusChanged running = rec.changes().get(1);
        assertThat(running.finished()).isTrue();
        assertThat(running.job()).isInstanceOf(Deployment.class);
        assertThat(((Deployment) running.job()).readyCapacity()).isEqualTo(1);
        assertThat(watcher.health().state()).isEqualTo(WatchHealth.State.IDLE);
        assertThat(scheduler.pending()).as("nothing left to poll once it is RUNNING").isZero();
        assertThat(sandbox.stats().count(LIST)).as("one deployment costs a GET, not the list").isZero();
    }

    @Test
    void watchedDeployment_thatFails_endsWithItsFailure() throws IOException {
        start(1.0);
        String id = deploy("w2");
        Recorder rec = new Recorder();
        watchers.of(JobKind.DEPLOYMENT).subscribe(WatchFilter.job(id), rec);

        scheduler.runDue();
        scheduler.advance(PAST_PENDING.plus(PAST_DEPLOYING));

        assertThat(rec.lines()).last().isEqualTo("changed " + id + " DEPLOYING->FAILED");
        assertThat(rec.changes()).last().satisfies(change -> assertThat(change.finished()).isTrue());
    }

    @Test
    void everyDeployment_isFollowedWithOneWalkOfTheWholeList_andADeletedOneIsGone() throws IOException {
        start(0.0);
        List<String> ids = List.of(deploy("a"), deploy("b"), deploy("c"));
        Recorder rec = new Recorder();
        watchers.of(JobKind.DEPLOYMENT).subscribe(WatchFilter.all(), rec);
        sandbox.resetStats();

        scheduler.runDue();
        long firstLists = sandbox.stats().count(LIST);
        rec.clear();
        sandbox.resetStats();
        sandbox.forceStatus(ids.get(0), "STOPPED");
        wired.client.deleteDeployment(ids.get(1));
        sandbox.resetStats();
        scheduler.advance(scheduler.nextDelay().orElseThrow());

        assertThat(firstLists).as("the list takes no status: walked once, not once per active status").isEqualTo(1);
        assertThat(rec.lines()).containsExactly("changed " + ids.get(0) + " PENDING->STOPPED", "gone " + ids.get(1));
        assertThat(sandbox.stats().count(LIST)).isEqualTo(1);
        assertThat(sandbox.stats().count(GET)).as("only the deployment missing from the list is looked up").isEqualTo(1);
    }

    private String deploy(String suffix) throws IOException {
        return wired.client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, suffix)).deployedModel();
    }
}
