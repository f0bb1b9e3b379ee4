package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ImportJob;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollStrategyTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private List<String> putImports(String prefix, int count, String status) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(h.client.putImport(prefix + i, status, "qwen-a").jobId());
        }
        return ids;
    }

    @Test
    void poll_manyWatchedJobs_walksTheActiveListsInsteadOfOneGetEach() {
        putImports("other-", 50, "PENDING");
        List<String> watched = putImports("imp-", 1000, "RUNNING");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.jobs(watched), rec);

        h.runDue();
        assertThat(h.client.gets.get()).isZero();
        assertThat(h.client.lists.get()).isEqualTo(1 + 10);
        assertThat(rec.events()).hasSize(1000);

        h.client.resetCounts();
        h.nextCycle();
        assertThat(h.client.calls).hasSize(10).allMatch(c -> c.startsWith("list RUNNING"));
        assertThat(h.imports().health().requestsLastCycle()).isEqualTo(10);
    }

    @Test
    void poll_fewWatchedJobsAmongMany_usesOneGetEach() {
        putImports("other-", 500, "RUNNING");
        List<String> watched = putImports("imp-", 3, "RUNNING");
        h.imports().subscribe(WatchFilter.jobs(watched), new Recorder());
        h.runDue();

        h.client.resetCounts();
        h.nextCycle();

        assertThat(h.client.calls).containsExactlyInAnyOrder("get imp-0", "get imp-1", "get imp-2");
        assertThat(h.imports().health().requestsLastCycle()).isEqualTo(3);
    }

    @Test
    void poll_jobLeftTheActiveList_isResolvedWithOneGetShowingItsRealFinalState() {
        List<String> watched = putImports("imp-", 300, "RUNNING");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.jobs(watched), rec);
        h.runDue();
        rec.clear();
        h.client.resetCounts();

        h.client.setStatus("imp-7", "FAILED");
        h.nextCycle();

        assertThat(h.client.calls).containsExactly("list RUNNING 1", "list RUNNING 2", "list RUNNING 3",
                "get imp-7");
        assertThat(rec.lines()).containsExactly("changed imp-7 RUNNING->FAILED");
        StatusChanged change = rec.changes().get(0);
        assertThat(((ImportJob) change.job()).errorCode()).isEqualTo("ModelFileInvalid");
    }

    @Test
    void poll_pendingJobStartsRunning_isSeenInTheRunningListWithoutAGet() {
        List<String> watched = putImports("imp-", 150, "PENDING");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.jobs(watched), rec);
        h.runDue();
        rec.clear();
        h.client.resetCounts();

        h.client.setStatus("imp-3", "RUNNING");
        h.nextCycle();

        assertThat(h.client.gets.get()).isZero();
        assertThat(h.client.calls).containsExactly("list PENDING 1", "list PENDING 2", "list RUNNING 1");
        assertThat(rec.lines()).containsExactly("changed imp-3 PENDING->RUNNING");
    }

    @Test
    void poll_listTurnsOutLongerThanLastCycle_isAbandonedForGets() {
        putImports("other-", 100, "RUNNING");
        List<String> watched = putImports("imp-", 30, "RUNNING");
        h.imports().subscribe(WatchFilter.jobs(watched), new Recorder());
        h.runDue();
        putImports("late-", 5000, "RUNNING");
        h.client.resetCounts();

        h.nextCycle();

        assertThat(h.client.lists.get()).isEqualTo(1);
        assertThat(h.client.gets.get()).isEqualTo(30);
    }

    @Test
    void poll_unknownStatusAmongListedJobs_getsOneGetEach() {
        List<String> watched = new ArrayList<>(putImports("imp-", 200, "RUNNING"));
        watched.add(h.client.putImport("imp-q", "QUEUING", "qwen-a").jobId());
        h.imports().subscribe(WatchFilter.jobs(watched), new Recorder());
        h.runDue();
        h.client.resetCounts();

        h.nextCycle();

        assertThat(h.client.calls).containsExactly("list RUNNING 1", "list RUNNING 2", "get imp-q");
    }

    @Test
    void poll_kindWideListener_alwaysWalksEveryActiveStatus() {
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.all(), rec);
        h.runDue();
        h.client.resetCounts();
        h.client.putImport("imp-new", "PENDING", "qwen-a");

        h.nextCycle();

        assertThat(h.client.calls).containsExactly("list PENDING 1", "list RUNNING 1");
        assertThat(rec.lines()).containsExactly("seen imp-new PENDING");
    }

    @Test
    void poll_kindWideJobFinishes_isResolvedWithOneGet() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.all(), rec);
        h.runDue();
        h.client.resetCounts();
        h.client.setStatus("imp-1", "SUCCESSED");

        h.nextCycle();

        assertThat(h.client.calls).containsExactly("list PENDING 1", "list RUNNING 1", "get imp-1");
        assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING", "changed imp-1 RUNNING->SUCCESSED");
    }

    @Test
    void subscribe_oneUnknownId_isLookedUpWithOneGet() {
        putImports("other-", 10, "RUNNING");
        h.client.putImport("imp-x", "SUCCESSED", "qwen-a");
        h.imports().subscribe(WatchFilter.job("imp-x"), new Recorder());

        h.runDue();

        assertThat(h.client.calls).containsExactly("get imp-x");
    }
}
