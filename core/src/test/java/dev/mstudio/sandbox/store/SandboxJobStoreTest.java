package dev.mstudio.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.sandbox.http.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxJobStoreTest {

    private final JobStore<StoredImport> store = new JobStore<>(StatusVocabulary.IMPORT);

    private static StoredImport job(String id, long createdMs) {
        return new StoredImport(id, "name-" + id, id, "qwen3-32b", "lora", "b", "k/", null,
                Lifecycle.ofStart(createdMs + 10, 10, 100, true));
    }

    private static List<String> ids(JobStore.Page<StoredImport> page) {
        return page.items().stream().map(StoredImport::id).toList();
    }

    @Test
    void page_outOfOrderAdds_listsNewestFirst() {
        store.add(job("b", 200));
        store.add(job("a", 100));
        store.add(job("c", 300));
        store.add(job("c2", 300));

        assertThat(ids(store.page(null, Long.MAX_VALUE, null, 1, 10))).containsExactly("c2", "c", "b", "a");
        assertThat(ids(store.page(null, Long.MAX_VALUE, null, 2, 3))).containsExactly("a");
        assertThat(store.page(null, Long.MAX_VALUE, null, 3, 3).items()).isEmpty();
        assertThat(store.page(null, Long.MAX_VALUE, null, 3, 3).total()).isEqualTo(4);
    }

    @Test
    void add_duplicateIdOrName_isRefused() {
        assertThat(store.add(job("a", 1))).isTrue();

        assertThat(store.add(job("a", 2))).isFalse();
        assertThat(store.add(new StoredImport("z", "name-a", "", "", "", "", "", null, Lifecycle.ofStart(5, 1, 1, true))))
                .isFalse();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void addAll_mergesIntoOrderAndSkipsClashes() {
        store.add(job("m", 150));

        int added = store.addAll(List.of(job("x", 300), job("y", 100), job("m", 999), job("z", 200)));

        assertThat(added).isEqualTo(3);
        assertThat(ids(store.page(null, Long.MAX_VALUE, null, 1, 10))).containsExactly("x", "z", "m", "y");
    }

    @Test
    void page_withFilter_countsAllMatchesAndSlices() {
        for (int i = 0; i < 10; i++) {
            store.add(job("j" + i, i));
        }

        JobStore.Page<StoredImport> page = store.page(null, Long.MAX_VALUE, j -> Integer.parseInt(j.id().substring(1)) % 2 == 0, 2, 2);

        assertThat(page.total()).isEqualTo(5);
        assertThat(ids(page)).containsExactly("j4", "j2");
    }

    @Test
    void remove_checksPreconditionAndUnindexes() {
        store.add(job("a", 1));
        store.add(job("b", 1));

        assertThatThrownBy(() -> store.remove("a", j -> {
            throw ApiError.denied("no");
        })).isInstanceOf(ApiError.class);
        assertThat(store.remove("a", j -> { })).isPresent();
        assertThat(store.remove("a", j -> { })).isEmpty();

        assertThat(store.get("a")).isEmpty();
        assertThat(store.byName("name-a")).isEmpty();
        assertThat(ids(store.page(null, Long.MAX_VALUE, null, 1, 10))).containsExactly("b");
    }

    @Test
    void page_byStatus_readsTheClockAndForcedStatuses() {
        store.add(job("pending", 55));
        store.add(job("running", 0));
        store.add(job("done", -1_000));
        StoredImport frozen = job("frozen", -2_000);
        store.add(frozen);
        store.force(frozen, "QUEUING", 50);
        long now = 60;

        assertThat(ids(store.page("PENDING", now, null, 1, 10))).containsExactly("pending");
        assertThat(ids(store.page("running", now, null, 1, 10))).containsExactly("running");
        assertThat(ids(store.page("SUCCESSED", now, null, 1, 10))).containsExactly("done");
        assertThat(ids(store.page("QUEUING", now, null, 1, 10))).containsExactly("frozen");
        assertThat(store.page("FAILED", now, null, 1, 10).total()).isZero();
        assertThat(ids(store.page("SUCCESSED", 10_000, j -> !j.id().equals("done"), 1, 10)))
                .containsExactly("pending", "running");
    }

    @Test
    void forceIf_endedJob_isRefused() {
        StoredImport done = job("done", -1_000);
        StoredImport running = job("running", 0);
        store.add(done);
        store.add(running);

        assertThat(store.forceIf(done, status -> !StatusVocabulary.IMPORT.isTerminal(status), new Lifecycle.Forced("CANCELED", 60)))
                .isFalse();
        assertThat(store.forceIf(running, status -> !StatusVocabulary.IMPORT.isTerminal(status), new Lifecycle.Forced("CANCELED", 60)))
                .isTrue();
        assertThat(store.force(job("absent", 5), "X", 60)).isFalse();
        assertThat(ids(store.page("CANCELED", 60, null, 1, 10))).containsExactly("running");
    }

    @Test
    void clear_emptiesEverything() {
        store.add(job("a", 1));

        store.clear();

        assertThat(store.size()).isZero();
        assertThat(store.contains("a")).isFalse();
    }

    @Test
    void page_jobsCreatedAfterNow_doNotExistYet() {
        store.add(job("past", 10));
        store.add(job("future", 500));

        assertThat(ids(store.page(null, 100, null, 1, 10))).containsExactly("past");
        assertThat(store.page("PENDING", 100, null, 1, 10).total()).isZero();
        assertThat(ids(store.page(null, 500, null, 1, 10))).containsExactly("future", "past");
    }
}
