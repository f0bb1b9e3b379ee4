package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Page;
import dev.mstudio.paging.Fakes.FakeTicker;
import dev.mstudio.paging.Fakes.QueuedExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JobsCacheTest {
    private final FakeClient client = new FakeClient().withImports(25).withFineTunes(5);
    private final FakeTicker ticker = new FakeTicker();
    private final JobQuery firstImports = JobQuery.of(JobKind.IMPORT);

    private Jobs jobs() {
        return Jobs.builder(client).ticker(ticker).executor(Fakes.DIRECT).build();
    }

    @Test
    void page_sameQueryWithinTtl_costsOneCall() throws IOException {
        Jobs jobs = jobs();

        Page<Job> first = jobs.page(firstImports);
        ticker.advance(Duration.ofSeconds(4));
        Page<Job> second = jobs.page(firstImports);

        assertThat(second).isSameAs(first);
        assertThat(first.items()).hasSize(10);
        assertThat(first.total()).isEqualTo(25);
        assertThat(client.calls("listImports")).isEqualTo(1);
    }

    @Test
    void page_afterTtl_loadsAgain() throws IOException {
        Jobs jobs = jobs();
        jobs.page(firstImports);

        ticker.advance(Duration.ofSeconds(11));
        jobs.page(firstImports);

        assertThat(client.calls("listImports")).isEqualTo(2);
    }

    @Test
    void page_differentQueries_areCachedSeparately() throws IOException {
        Jobs jobs = jobs();

        jobs.page(firstImports);
        jobs.page(firstImports.withPage(2));
        jobs.page(firstImports.withStatus("running"));
        jobs.page(firstImports.withStatus("RUNNING"));

        assertThat(client.calls("listImports")).isEqualTo(3);
        assertThat(client.importQueries).last().extracting(q -> q.status()).isEqualTo("RUNNING");
    }

    @Test
    void page_afterRefreshAge_servesStaleThenRefreshesInBackground() throws IOException {
        QueuedExecutor background = new QueuedExecutor();
        Jobs jobs = Jobs.builder(client).ticker(ticker).executor(background)
                .ttl(Duration.ofSeconds(10)).refreshAfter(Duration.ofSeconds(5)).build();
        CompletableFuture<Page<Job>> load = jobs.prefetch(firstImports);
        background.runAll();
        Page<Job> original = load.join();
        client.imports.set(0, FakeClient.importJob("imp-0001", "FAILED", "qwen-a"));

        ticker.advance(Duration.ofSeconds(6));
        Page<Job> stale = jobs.page(firstImports);
        assertThat(stale).isSameAs(original);
        assertThat(client.calls("listImports")).isEqualTo(1);

        background.runAll();
        Page<Job> fresh = jobs.page(firstImports);
        assertThat(fresh.items().get(0).status()).isEqualTo("FAILED");
        assertThat(client.calls("listImports")).isEqualTo(2);
    }

    @Test
    void page_failedRefresh_keepsServingStalePage() throws IOException {
        Jobs jobs = jobs();
        Page<Job> original = jobs.page(firstImports);
        client.failNext = new IOException("connection reset");

        ticker.advance(Duration.ofSeconds(6));
        Page<Job> afterFailedRefresh = jobs.page(firstImports);

        assertThat(afterFailedRefresh).isSameAs(original);
        assertThat(client.calls("listImports")).isEqualTo(2);
    }

    @Test
    void prefetch_identicalRequestsBeforeLoadRuns_shareOneFuture() {
        QueuedExecutor background = new QueuedExecutor();
        Jobs jobs = Jobs.builder(client).ticker(ticker).executor(background).build();

        List<CompletableFuture<Page<Job>>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(jobs.prefetch(firstImports));
        }
        background.runAll();

        assertThat(futures).allSatisfy(future -> assertThat(future).isSameAs(futures.get(0)));
        assertThat(futures.get(0).join().items()).hasSize(10);
        assertThat(client.calls("listImports")).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void page_concurrentIdenticalRequests_makeOneCall() throws Exception {
        ExecutorService loaders = Executors.newFixedThreadPool(2);
        Jobs jobs = Jobs.builder(client).ticker(ticker).executor(loaders).build();
        client.gate = new CountDownLatch(1);
        List<Page<Job>> results = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            callers.add(startCaller(() -> results.add(jobs.page(firstImports))));
        }
        client.entered.await();
        awaitAllParked(callers);
        client.gate.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        loaders.shutdown();

        assertThat(results).hasSize(6).allSatisfy(page -> assertThat(page).isSameAs(results.get(0)));
        assertThat(client.calls("listImports")).isEqualTo(1);
    }

    @Test
    void page_apiError_isThrownUnwrappedAndNotCached() throws IOException {
        Jobs jobs = jobs();
        ApiException throttled = new ApiException(429, "Throttling", "Requests throttled", "req-1");
        client.failNext = throttled;

        assertThatThrownBy(() -> jobs.page(firstImports)).isSameAs(throttled);
        assertThat(jobs.page(firstImports).items()).hasSize(10);
        assertThat(client.calls("listImports")).isEqualTo(2);
    }

    @Test
    void page_transportError_isThrownAsIOException() {
        Jobs jobs = jobs();
        client.failNext = new IOException("connection refused");

        assertThatThrownBy(() -> jobs.page(firstImports))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("connection refused");
    }

    @Test
    void page_recordsEveryJobIntoIndex() throws IOException {
        Jobs jobs = jobs();

        jobs.page(firstImports.withPageSize(20));

        assertThat(jobs.index().size()).isEqualTo(20);
        assertThat(jobs.index().find("imp-0007")).get().extracting(IndexEntry::model).isEqualTo("qwen-a");
    }

    @Test
    void get_withinJobTtl_costsOneCallAndIsIndexed() throws IOException {
        Jobs jobs = jobs();

        Job job = jobs.get(JobKind.FINETUNE, "ft-202410291653-0002");
        jobs.get(JobKind.FINETUNE, " ft-202410291653-0002 ");
        ticker.advance(Duration.ofSeconds(3));
        jobs.get(JobKind.FINETUNE, "ft-202410291653-0002");

        assertThat(job.status()).isEqualTo("RUNNING");
        assertThat(client.calls("getFineTune")).isEqualTo(2);
        assertThat(jobs.index().find(job.id())).isPresent();
    }

    @Test
    void get_unknownJob_throwsApiExceptionUnwrapped() {
        Jobs jobs = jobs();

        assertThatThrownBy(() -> jobs.get(JobKind.IMPORT, "nope"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("NotFound"));
        assertThatThrownBy(() -> jobs.get(JobKind.IMPORT, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_refreshNotShorterThanTtl_isRejected() {
        Jobs.Builder builder = Jobs.builder(client).ttl(Duration.ofSeconds(5)).refreshAfter(Duration.ofSeconds(5));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be shorter than ttl");
    }

    private interface Call {
        void run() throws IOException;
    }

    private static Thread startCaller(Call call) {
        Thread thread = new Thread(() -> {
            try {
                call.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        thread.start();
        return thread;
    }

    /** Waits until every caller is parked on the shared load (or done): none of them can still start a call of its own. */
    private static void awaitAllParked(List<Thread> threads) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(1)).until(() -> threads.stream()
                        .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED
                                || t.getState() == Thread.State.TERMINATED));
    }
}
