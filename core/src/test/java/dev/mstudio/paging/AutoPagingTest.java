package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoPagingTest {
    private final FakeClient client = new FakeClient().withImports(250);
    private final Jobs jobs = Jobs.builder(client).executor(Fakes.DIRECT).build();
    private final JobQuery allImports = JobQuery.of(JobKind.IMPORT);

    @Test
    void stream_consumedLazily_fetchesEachPageOnlyWhenNeeded() {
        Iterator<Job> all = jobs.stream(allImports).iterator();
        assertThat(client.calls("listImports")).isZero();

        all.next();
        assertThat(client.calls("listImports")).isEqualTo(1);
        for (int i = 1; i < 100; i++) {
            all.next();
        }
        assertThat(client.calls("listImports")).isEqualTo(1);

        assertThat(all.next().id()).isEqualTo("imp-0101");
        assertThat(client.calls("listImports")).isEqualTo(2);
    }

    @Test
    void stream_limit_stopsFetching() {
        List<Job> first150 = jobs.stream(allImports).limit(150).toList();

        assertThat(first150).hasSize(150);
        assertThat(client.calls("listImports")).isEqualTo(2);
    }

    @Test
    void stream_wholeListing_stopsAtTotalWithPagesOf100() {
        List<Job> all = jobs.stream(allImports.withPage(3).withPageSize(7)).toList();

        assertThat(all).hasSize(250);
        assertThat(all.get(249).id()).isEqualTo("imp-0250");
        assertThat(client.importQueries).extracting(q -> q.pageNo()).containsExactly(1, 2, 3);
        assertThat(client.importQueries).extracting(q -> q.pageSize()).containsOnly(100);
    }

    @Test
    void stream_exactMultipleOfPageSize_doesNotFetchEmptyPage() {
        FakeClient exact = new FakeClient().withImports(200);
        Jobs exactJobs = Jobs.builder(exact).executor(Fakes.DIRECT).build();

        assertThat(exactJobs.stream(allImports).count()).isEqualTo(200);
        assertThat(exact.calls("listImports")).isEqualTo(2);
    }

    @Test
    void stream_emptyListing_makesOneCall() {
        FakeClient empty = new FakeClient();
        Jobs emptyJobs = Jobs.builder(empty).executor(Fakes.DIRECT).build();

        assertThat(emptyJobs.stream(JobQuery.of(JobKind.FINETUNE)).toList()).isEmpty();
        assertThat(empty.calls("listFineTunes")).isEqualTo(1);
    }

    @Test
    void stream_filters_areSent() {
        client.imports.add(FakeClient.importJob("imp-x", "RUNNING", "qwen-z"));

        List<Job> running = jobs.stream(allImports.withStatus("running").withModel("qwen-z")).toList();

        assertThat(running).extracting(Job::id).containsExactly("imp-x");
        assertThat(client.importQueries.get(0).status()).isEqualTo("RUNNING");
        assertThat(client.importQueries.get(0).modelName()).isEqualTo("qwen-z");
    }

    @Test
    void stream_jobsShiftedByNewJobDuringWalk_areYieldedOnce() {
        client.afterList = () -> {
            client.afterList = () -> { };
            client.imports.add(0, FakeClient.importJob("imp-newest", "PENDING", "qwen-a"));
        };

        List<Job> all = jobs.stream(allImports).toList();

        assertThat(all).extracting(Job::id).doesNotHaveDuplicates().hasSize(250).doesNotContain("imp-newest");
    }

    @Test
    void stream_recordsWalkedJobsIntoIndexWithoutCachingPages() {
        jobs.stream(allImports).forEach(job -> { });

        assertThat(jobs.index().size()).isEqualTo(250);
        jobs.stream(allImports).limit(1).toList();
        assertThat(client.calls("listImports")).isEqualTo(4);
    }

    @Test
    void stream_transportFailure_surfacesAsUncheckedIOException() {
        client.failNext = new IOException("connection reset");

        assertThatThrownBy(() -> jobs.stream(allImports).toList())
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }
}
