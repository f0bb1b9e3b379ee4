package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Fakes.QueuedExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobIndexTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-29T16:53:53Z"), ZoneOffset.UTC);

    private static JobIndex index(int capacity) {
        return new JobIndex(capacity, CLOCK, Fakes.DIRECT, kind -> 0);
    }

    private static List<String> ids(List<IndexEntry> entries) {
        return entries.stream().map(IndexEntry::id).toList();
    }

    @Test
    void complete_prefix_returnsMatchesSortedAndLimited() {
        JobIndex index = index(100);
        for (String id : List.of("c3", "a2", "b1", "a10", "a1", "ab")) {
            index.record(FakeClient.importJob(id, "RUNNING", "qwen-a"));
        }

        assertThat(ids(index.complete(JobKind.IMPORT, "a", 10))).containsExactly("a1", "a10", "a2", "ab");
        assertThat(ids(index.complete(JobKind.IMPORT, "a", 2))).containsExactly("a1", "a10");
        assertThat(ids(index.complete(JobKind.IMPORT, "a1", 10))).containsExactly("a1", "a10");
        assertThat(index.complete(JobKind.IMPORT, "z", 10)).isEmpty();
        assertThat(ids(index.complete(JobKind.IMPORT, "", 3))).containsExactly("a1", "a10", "a2");
        assertThat(ids(index.complete(JobKind.IMPORT, null, 1))).containsExactly("a1");
    }

    @Test
    void complete_byKind_offersOnlyThatKind() {
        JobIndex index = index(100);
        index.record(FakeClient.importJob("f0e1d2c3-0000", "RUNNING", "qwen-a"));
        index.record(FakeClient.fineTune("ft-202410291653-1c7f", "RUNNING", "qwen-b"));
        index.record(FakeClient.fineTune("ft-202410291700-0a0a", "FAILED", "qwen-b"));

        assertThat(ids(index.complete(JobKind.FINETUNE, "f", 10)))
                .containsExactly("ft-202410291653-1c7f", "ft-202410291700-0a0a");
        assertThat(ids(index.complete(JobKind.IMPORT, "f", 10))).containsExactly("f0e1d2c3-0000");
        assertThat(ids(index.complete(null, "f", 2))).containsExactly("f0e1d2c3-0000", "ft-202410291653-1c7f");
    }

    @Test
    void complete_entry_carriesWhatWasSeen() {
        JobIndex index = index(10);
        index.record(FakeClient.fineTune("ft-202410291653-1c7f", "RUNNING", "qwen3-14b"));

        IndexEntry entry = index.complete(JobKind.FINETUNE, "ft-", 1).get(0);

        assertThat(entry.kind()).isEqualTo(JobKind.FINETUNE);
        assertThat(entry.status()).isEqualTo("RUNNING");
        assertThat(entry.model()).isEqualTo("qwen3-14b");
        assertThat(entry.displayName()).isEqualTo("qwen3-14b-ft");
        assertThat(entry.createdAt()).isEqualTo(Instant.parse("2024-10-29T16:53:53Z"));
        assertThat(entry.lastSeen()).isEqualTo(CLOCK.instant());
    }

    @Test
    void complete_negativeLimit_isRejected() {
        assertThatThrownBy(() -> index(1).complete(null, "a", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void record_pastCapacity_evictsLeastRecentlySeen() {
        JobIndex index = index(3);
        index.record(FakeClient.importJob("a", "RUNNING", "m"));
        index.record(FakeClient.importJob("b", "RUNNING", "m"));
        index.record(FakeClient.importJob("c", "RUNNING", "m"));
        index.record(FakeClient.importJob("a", "SUCCESSED", "m"));

        index.record(FakeClient.importJob("d", "RUNNING", "m"));

        assertThat(index.size()).isEqualTo(3);
        assertThat(ids(index.complete(null, "", 10))).containsExactly("a", "c", "d");
        assertThat(index.find("a")).get().extracting(IndexEntry::status).isEqualTo("SUCCESSED");
        assertThat(index.find("b")).isEmpty();
    }

    @Test
    void recordAll_manyJobs_staysWithinCapacity() {
        JobIndex index = index(1_000);
        index.recordAll(new FakeClient().withImports(1_500).imports);

        assertThat(index.size()).isEqualTo(1_000);
        assertThat(index.capacity()).isEqualTo(1_000);
        assertThat(ids(index.complete(JobKind.IMPORT, "", 1))).containsExactly("imp-0501");
    }

    @Test
    void models_listsModelNamesSeenPerKind() {
        JobIndex index = index(2);
        index.record(FakeClient.importJob("i1", "RUNNING", "qwen-b"));
        index.record(FakeClient.importJob("i2", "RUNNING", "qwen-a"));

        assertThat(index.models(JobKind.IMPORT)).containsExactly("qwen-a", "qwen-b");
        assertThat(index.models(JobKind.FINETUNE)).isEmpty();

        index.record(FakeClient.fineTune("ft-1", "RUNNING", "qwen-a"));
        assertThat(index.models(JobKind.IMPORT)).containsExactly("qwen-a");
        assertThat(index.models(null)).containsExactly("qwen-a");
    }

    @Test
    void forget_removesJobAndItsModel() {
        JobIndex index = index(10);
        index.record(FakeClient.importJob("i1", "SUCCESSED", "qwen-a"));

        assertThat(index.forget("i1")).isTrue();
        assertThat(index.forget("i1")).isFalse();
        assertThat(index.find("i1")).isEmpty();
        assertThat(index.models(JobKind.IMPORT)).isEmpty();
        assertThat(index.complete(JobKind.IMPORT, "i", 5)).isEmpty();
    }

    @Test
    void record_sameIdAgain_replacesWithoutDuplicating() {
        JobIndex index = index(10);
        index.record(FakeClient.importJob("i1", "RUNNING", "qwen-a"));
        index.record(FakeClient.importJob("i1", "SUCCESSED", "qwen-b"));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.models(JobKind.IMPORT)).containsExactly("qwen-b");
        assertThat(index.complete(JobKind.IMPORT, "i1", 5)).singleElement()
                .extracting(IndexEntry::status).isEqualTo("SUCCESSED");
    }

    @Test
    void warm_walksListingOnceOnExecutor() {
        FakeClient client = new FakeClient().withFineTunes(230);
        QueuedExecutor background = new QueuedExecutor();
        Jobs jobs = Jobs.builder(client).executor(background).build();

        jobs.index().warm(JobKind.FINETUNE);
        assertThat(client.totalCalls()).isZero();
        background.runAll();
        jobs.index().warm(JobKind.FINETUNE);
        background.runAll();

        assertThat(client.calls("listFineTunes")).isEqualTo(3);
        assertThat(jobs.index().size()).isEqualTo(230);
        assertThat(jobs.index().warmed(JobKind.FINETUNE)).isTrue();
        assertThat(jobs.index().warmed(JobKind.IMPORT)).isFalse();
        assertThat(jobs.index().lastError()).isEmpty();
    }

    @Test
    void warm_failure_isRecordedNotThrownAndMayBeRetried() {
        FakeClient client = new FakeClient().withImports(5);
        Jobs jobs = Jobs.builder(client).executor(Fakes.DIRECT).build();
        client.failNext = new ApiException(429, "Throttling", "Requests throttled", "req-7");

        assertThat(jobs.index().warm(JobKind.IMPORT)).isCompleted();
        assertThat(jobs.index().warmed(JobKind.IMPORT)).isFalse();
        assertThat(jobs.index().lastError()).hasValue(
                "import index warm-up failed: Throttling: Requests throttled (HTTP 429, request_id req-7)");

        jobs.index().warm(JobKind.IMPORT);

        assertThat(jobs.index().warmed(JobKind.IMPORT)).isTrue();
        assertThat(jobs.index().lastError()).isEmpty();
        assertThat(jobs.index().size()).isEqualTo(5);
    }

    @Test
    void warm_standaloneIndex_reportsThereIsNothingToWalk() {
        JobIndex index = new JobIndex(10);

        index.warm(JobKind.IMPORT);

        assertThat(index.warmed(JobKind.IMPORT)).isFalse();
        assertThat(index.lastError()).hasValue("import index warm-up failed: there is no job listing to warm from");
    }

    @Test
    void complete_neverCallsTheClient() {
        AtomicInteger walks = new AtomicInteger();
        JobIndex index = new JobIndex(10, CLOCK, Fakes.DIRECT, kind -> walks.incrementAndGet());

        index.complete(null, "ft-", 20);
        index.models(null);

        assertThat(walks).hasValue(0);
    }

    @Test
    void complete_tenThousandIds_findsPrefixRange() {
        JobIndex index = index(JobIndex.DEFAULT_CAPACITY);
        for (int i = 0; i < 10_000; i++) {
            index.record(FakeClient.fineTune(String.format("ft-2024%08d-%04x", i, i & 0xffff), "RUNNING", "m"));
        }

        assertThat(ids(index.complete(JobKind.FINETUNE, "ft-202400009", 20)))
                .hasSize(20)
                .isSorted()
                .allMatch(id -> id.startsWith("ft-202400009"));
    }
}
