package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ImportJob;
import dev.mstudio.watch.WatchEvent.JobGone;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobWatcherEventsTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void subscribe_unknownId_looksItUpOnceAndEmitsJobSeen() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();

        h.imports().subscribe(WatchFilter.job("imp-1"), rec);
        h.runDue();

        assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING");
        assertThat(h.client.calls).containsExactly("get imp-1");
    }

    @Test
    void poll_statusChange_emitsStatusChangedWithTheFetchedJob() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.job("imp-1"), rec);
        h.runDue();

        h.client.setStatus("imp-1", "FAILED");
        h.nextCycle();

        assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING", "changed imp-1 RUNNING->FAILED");
        StatusChanged change = rec.changes().get(0);
        assertThat(change.finished()).isTrue();
        assertThat(((ImportJob) change.job()).errorCode()).isEqualTo("ModelFileInvalid");
    }

    @Test
    void poll_unchangedStatus_emitsNothing() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.job("imp-1"), rec);
        h.runDue();

        h.nextCycle();
        h.nextCycle();

        assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING");
    }

    @Test
    void subscribe_idTheServiceDoesNotKnow_emitsJobGoneAndNeverAsksAgain() {
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.job("imp-missing"), rec);
        h.runDue();
        Recorder late = new Recorder();
        h.imports().subscribe(WatchFilter.job("imp-missing"), late);
        h.runDue();

        assertThat(rec.events()).containsExactly(new JobGone(dev.mstudio.client.JobKind.IMPORT, "imp-missing"));
        assertThat(late.lines()).containsExactly("gone imp-missing");
        assertThat(h.client.gets.get()).isEqualTo(1);
        assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.IDLE);
    }

    @Test
    void poll_watchedJobDeleted_emitsJobGone() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.job("imp-1"), rec);
        h.runDue();

        h.client.delete("imp-1");
        h.nextCycle();

        assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING", "gone imp-1");
        assertThat(h.imports().job("imp-1")).isEmpty();
    }

    @Test
    void subscribe_lateListener_getsCurrentStateReplayedWithoutRequests() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        h.client.putImport("imp-2", "PENDING", "qwen-b");
        h.imports().subscribe(WatchFilter.jobs(List.of("imp-1", "imp-2")), new Recorder());
        h.runDue();
        h.client.setStatus("imp-1", "SUCCESSED");
        h.nextCycle();
        int before = h.client.requests();

        Recorder late = new Recorder();
        h.imports().subscribe(WatchFilter.jobs(List.of("imp-1", "imp-2")), late);

        assertThat(late.lines()).containsExactlyInAnyOrder("seen imp-1 SUCCESSED", "seen imp-2 PENDING");
        assertThat(h.client.requests()).isEqualTo(before);
    }

    @Test
    void hasSynced_trueOnlyAfterTheFirstFullPass() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        h.client.failNext(new java.io.IOException("connection reset"));
        h.imports().subscribe(WatchFilter.job("imp-1"), new Recorder());
        assertThat(h.imports().hasSynced()).isFalse();

        h.runDue();
        assertThat(h.imports().hasSynced()).isFalse();
        assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.BACKING_OFF);

        h.nextCycle();
        assertThat(h.imports().hasSynced()).isTrue();
        assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.WATCHING);
    }

    @Test
    void subscribe_kindWideWithModelAndStatusFilter_hearsOnlyMatchingJobs() {
        h.client.putImport("imp-a", "RUNNING", "qwen-a");
        h.client.putImport("imp-b", "RUNNING", "qwen-b");
        Recorder failuresOfA = new Recorder();
        Recorder everything = new Recorder();
        h.imports().subscribe(WatchFilter.all().withModel("qwen-a").withStatuses("failed"), failuresOfA);
        h.imports().subscribe(WatchFilter.all(), everything);
        h.runDue();

        h.client.setStatus("imp-a", "FAILED");
        h.client.setStatus("imp-b", "FAILED");
        h.client.putImport("imp-c", "PENDING", "qwen-a");
        h.nextCycle();

        assertThat(failuresOfA.lines()).containsExactly("changed imp-a RUNNING->FAILED");
        assertThat(Recorder.sorted(everything.lines())).containsExactly("changed imp-a RUNNING->FAILED",
                "changed imp-b RUNNING->FAILED", "seen imp-a RUNNING", "seen imp-b RUNNING", "seen imp-c PENDING");
    }

    @Test
    void poll_unknownNonTerminalStatus_isFollowedLikeAnActiveOne() {
        h.client.putFineTune("ft-1", "QUEUING", "qwen-base");
        Recorder rec = new Recorder();
        h.fineTunes().subscribe(WatchFilter.job("ft-1"), rec);
        h.runDue();
        h.nextCycle();
        h.client.setStatus("ft-1", "RUNNING");
        h.nextCycle();
        h.client.setStatus("ft-1", "CANCELED");
        h.nextCycle();

        assertThat(rec.lines()).containsExactly("seen ft-1 QUEUING", "changed ft-1 QUEUING->RUNNING",
                "changed ft-1 RUNNING->CANCELED");
        assertThat(h.fineTunes().health().state()).isEqualTo(WatchHealth.State.IDLE);
    }

    @Test
    void poll_everyFetchedJob_isOfferedToTheSink() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        h.client.putImport("imp-other", "RUNNING", "qwen-a");
        h.imports().subscribe(WatchFilter.all(), new Recorder());
        h.runDue();

        assertThat(h.sunk).extracting(j -> j.id()).containsExactlyInAnyOrder("imp-1", "imp-other");
        assertThat(h.imports().jobs()).hasSize(2);
    }

    @Test
    void subscription_close_stopsDeliveryAndIdlesTheWatcher() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();
        Subscription sub = h.imports().subscribe(WatchFilter.job("imp-1"), rec);
        h.runDue();

        sub.close();
        h.client.setStatus("imp-1", "FAILED");
        h.advance(java.time.Duration.ofMinutes(5));

        assertThat(sub.isOpen()).isFalse();
        assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING");
        assertThat(h.client.requests()).isEqualTo(1);
        assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.IDLE);
        assertThat(h.imports().health().listeners()).isZero();
        assertThat(Set.copyOf(h.imports().jobs())).isEmpty();
    }
}
