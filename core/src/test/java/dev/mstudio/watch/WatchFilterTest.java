package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchFilterTest {

    @Test
    void matches_byIdModelAndStatus() {
        WatchFilter filter = WatchFilter.jobs(List.of("imp-1", "imp-2")).withModel("Qwen-A").withStatuses("failed");

        assertThat(filter.matches(FakeClient.importJob("imp-1", "FAILED", "qwen-a", "E"))).isTrue();
        assertThat(filter.matches(FakeClient.importJob("imp-3", "FAILED", "qwen-a", "E"))).isFalse();
        assertThat(filter.matches(FakeClient.importJob("imp-1", "RUNNING", "qwen-a", null))).isFalse();
        assertThat(filter.matches(FakeClient.importJob("imp-2", "FAILED", "qwen-b", "E"))).isFalse();
    }

    @Test
    void all_isKindWideAndMatchesEverything() {
        WatchFilter filter = WatchFilter.all();

        assertThat(filter.kindWide()).isTrue();
        assertThat(filter.covers("anything")).isTrue();
        assertThat(filter.matches(FakeClient.fineTuneJob("ft-1", "QUEUING", "qwen"))).isTrue();
    }

    @Test
    void jobs_emptyOrBlank_isRejected() {
        assertThatThrownBy(() -> WatchFilter.jobs(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WatchFilter.job(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isFor_jobGone_reachesNamedIdsAndKindWideListenersOfTheModel() {
        WatchEvent gone = new WatchEvent.JobGone(dev.mstudio.client.JobKind.IMPORT, "imp-1");
        var last = FakeClient.importJob("imp-1", "SUCCESSED", "qwen-a", null);

        assertThat(Listeners.isFor(WatchFilter.job("imp-1"), gone, null)).isTrue();
        assertThat(Listeners.isFor(WatchFilter.job("imp-2"), gone, last)).isFalse();
        assertThat(Listeners.isFor(WatchFilter.all().withModel("qwen-a"), gone, last)).isTrue();
        assertThat(Listeners.isFor(WatchFilter.all().withModel("qwen-b"), gone, last)).isFalse();
    }
}
