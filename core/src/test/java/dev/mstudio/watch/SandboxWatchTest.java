package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Page;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.sandbox.Stats;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watcher against the sandbox over loopback HTTP, on the test scheduler's fake clock. */
class SandboxWatchTest {
    private static final String LIST = "GET /api/v1/custom_models/import";
    private static final String GET = "GET /api/v1/custom_models/import/{job_id}";

    static {
        // the JDK HttpServer otherwise leaves Nagle on: ~40 ms per small response on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final TestScheduler scheduler = new TestScheduler();
    private final Sandbox sandbox = Sandbox.builder().port(0).clock(scheduler.clock()).speed(0.001).random(42)
            .build().start();
    private final DashScopeClient client = DashScopeClient.builder()
            .config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).maxAttempts(1).build();
    private final Watchers watchers = Watchers.builder(client).scheduler(scheduler).clock(scheduler.clock())
            .executor(Runnable::run).build();

    @AfterEach
    void close() {
        watchers.close();
        client.close();
        sandbox.close();
    }

    @Test
    void forcedFailure_ofAWatchedJob_isReportedAsRunningToFailedWithTheRealJob() throws IOException {
        sandbox.seed(20, 0, 1.0);
        String id = activeImports("RUNNING").get(0);
        Recorder rec = new Recorder();
        watchers.of(JobKind.IMPORT).subscribe(WatchFilter.job(id), rec);
        scheduler.runDue();

        sandbox.forceStatus(id, "FAILED");
        scheduler.advance(scheduler.nextDelay().orElseThrow());

        assertThat(rec.lines()).containsExactly("seen " + id + " RUNNING", "changed " + id + " RUNNING->FAILED");
        StatusChanged change = rec.changes().get(0);
        ImportJob failed = (ImportJob) change.job();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.errorCode()).isNotBlank();
        assertThat(failed.raw().path("error_code").asText()).isEqualTo(failed.errorCode());
    }

    @Test
    void thousandWatchedActiveImports_arePolledWithAboutOneListRequestPerHundred() throws IOException {
        sandbox.seed(1000, 0, 1.0);
        List<String> pending = activeImports("PENDING");
        List<String> running = activeImports("RUNNING");
        List<String> all = new ArrayList<>(pending);
        all.addAll(running);
        long pages = pages(pending.size()) + pages(running.size());
        Recorder rec = new Recorder();
        watchers.of(JobKind.IMPORT).subscribe(WatchFilter.jobs(all), rec);
        sandbox.resetStats();

        scheduler.runDue();
        Stats first = sandbox.stats();
        sandbox.resetStats();
        scheduler.advance(scheduler.nextDelay().orElseThrow());
        Stats steady = sandbox.stats();

        assertThat(all).hasSize(1000);
        assertThat(rec.events()).hasSize(1000);
        assertThat(first.count(LIST)).isEqualTo(pages);
        assertThat(steady.count(LIST)).isEqualTo(pages);
        assertThat(first.count(GET) + steady.count(GET)).isZero();
        assertThat(steady.total()).isLessThanOrEqualTo(12).isEqualTo(
                watchers.of(JobKind.IMPORT).health().requestsLastCycle());
    }

    @Test
    void forcedTransitions_amongThousandWatched_costOneGetEachAndAreReportedOnce() throws IOException {
        sandbox.seed(1000, 0, 1.0);
        List<String> all = new ArrayList<>(activeImports("PENDING"));
        all.addAll(activeImports("RUNNING"));
        Recorder rec = new Recorder();
        watchers.of(JobKind.IMPORT).subscribe(WatchFilter.jobs(all), rec);
        scheduler.runDue();
        rec.clear();
        sandbox.resetStats();

        List<String> forced = all.subList(0, 100);
        forced.forEach(id -> sandbox.forceStatus(id, "SUCCESSED"));
        scheduler.advance(scheduler.nextDelay().orElseThrow());
        scheduler.advance(scheduler.nextDelay().orElseThrow());

        assertThat(rec.changes()).extracting(StatusChanged::jobId).containsExactlyInAnyOrderElementsOf(forced);
        assertThat(rec.changes()).allMatch(c -> c.newStatus().equals("SUCCESSED"));
        assertThat(sandbox.stats().count(GET)).isEqualTo(100);
    }

    private List<String> activeImports(String status) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int pageNo = 1; ; pageNo++) {
            Page<ImportJob> page = client.listImports(new ImportQuery(pageNo, 100, status, null));
            page.items().forEach(job -> ids.add(job.jobId()));
            if (!page.hasNext()) {
                return ids;
            }
        }
    }

    private static long pages(int count) {
        return (count + 99) / 100;
    }
}
