package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateStoreResumeTest {
    private final WatchStateStore store = WatchStateStore.inMemory();

    @Test
    void restart_transitionWhileDown_isReportedOnceFromTheStoredStatus() {
        try (Harness first = new Harness(store)) {
            first.client.putImport("imp-1", "RUNNING", "qwen-a");
            first.imports().subscribe(WatchFilter.job("imp-1"), new Recorder());
            first.runDue();
        }
        assertThat(store.load(JobKind.IMPORT)).containsEntry("imp-1", "RUNNING");

        Recorder afterRestart = new Recorder();
        try (Harness second = new Harness(store)) {
            second.client.putImport("imp-1", "FAILED", "qwen-a");
            second.imports().subscribe(WatchFilter.job("imp-1"), afterRestart);
            second.runDue();
            second.advance(java.time.Duration.ofMinutes(5));
        }
        assertThat(afterRestart.lines()).containsExactly("changed imp-1 RUNNING->FAILED");
        assertThat(store.load(JobKind.IMPORT)).containsEntry("imp-1", "FAILED");

        Recorder third = new Recorder();
        try (Harness again = new Harness(store)) {
            again.client.putImport("imp-1", "FAILED", "qwen-a");
            again.imports().subscribe(WatchFilter.job("imp-1"), third);
            again.runDue();
        }
        assertThat(third.lines()).containsExactly("seen imp-1 FAILED");
    }

    @Test
    void restart_kindWide_activeJobThatFinishedWhileDown_isResolvedWithItsRealState() {
        store.save(JobKind.IMPORT, Map.of("imp-1", "RUNNING", "imp-2", "PENDING"));
        Recorder rec = new Recorder();
        try (Harness h = new Harness(store)) {
            h.client.putImport("imp-1", "FAILED", "qwen-a");
            h.client.putImport("imp-2", "RUNNING", "qwen-a");
            h.imports().subscribe(WatchFilter.all(), rec);
            h.runDue();

            assertThat(h.client.calls).containsExactly("list PENDING 1", "list RUNNING 1", "get imp-1");
        }
        assertThat(rec.lines()).containsExactlyInAnyOrder("changed imp-1 RUNNING->FAILED",
                "changed imp-2 PENDING->RUNNING");
        assertThat(store.load(JobKind.IMPORT)).isEqualTo(Map.of("imp-1", "FAILED", "imp-2", "RUNNING"));
    }

    @Test
    void restart_seededJobsNobodyAsksFor_areKeptUntilSomeoneDoes() {
        store.save(JobKind.FINETUNE, Map.of("ft-1", "RUNNING"));
        try (Harness h = new Harness(store)) {
            h.client.putFineTune("ft-2", "RUNNING", "qwen");
            h.fineTunes().subscribe(WatchFilter.job("ft-2"), new Recorder());
            h.runDue();

            assertThat(h.client.calls).containsExactly("get ft-2");
        }
        assertThat(store.load(JobKind.FINETUNE)).isEqualTo(Map.of("ft-1", "RUNNING", "ft-2", "RUNNING"));
    }

    @Test
    void stateStore_failingToSave_isReportedInHealthAndWatchingGoesOn() {
        WatchStateStore broken = new WatchStateStore() {
            @Override
            public Map<String, String> load(JobKind kind) {
                return Map.of();
            }

            @Override
            public void save(JobKind kind, Map<String, String> lastStatusById) {
                throw new IllegalStateException("disk full");
            }
        };
        try (Harness h = new Harness(broken)) {
            h.client.putImport("imp-1", "RUNNING", "qwen-a");
            Recorder rec = new Recorder();
            h.imports().subscribe(WatchFilter.jobs(List.of("imp-1")), rec);
            h.runDue();

            assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING");
            assertThat(h.imports().health().lastError())
                    .isEqualTo("saving watch state: IllegalStateException: disk full");
            assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.WATCHING);
        }
    }
}
