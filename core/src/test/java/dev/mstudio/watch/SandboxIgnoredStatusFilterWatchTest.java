package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.JobKind;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.watch.WatchEvent.JobSeen;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fine-tune watcher stays right when the service ignores the (undocumented) status filter of its lists. */
class SandboxIgnoredStatusFilterWatchTest {

    private final TestScheduler scheduler = new TestScheduler();
    private final Sandbox sandbox = Sandbox.builder().port(0).clock(scheduler.clock()).speed(0.001).random(44)
            .build().start().seed(0, 60, 0.5);
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
    void kindWide_serverIgnoresStatus_seesOnlyActiveJobsAndTheirTransitions() throws IOException {
        List<String> active = activeIds();
        sandbox.faults(new Faults(0, 0, 0, 0, true));
        Recorder rec = new Recorder();
        watchers.of(JobKind.FINETUNE).subscribe(WatchFilter.all(), rec);
        scheduler.runDue();
        List<String> seen = rec.events().stream().filter(JobSeen.class::isInstance).map(WatchEvent::jobId).toList();
        rec.clear();

        String running = client.listFineTunes(new FineTuneQuery(1, 100, null, null)).items().stream()
                .filter(job -> job.status().equals("RUNNING")).findFirst().orElseThrow().jobId();
        sandbox.forceStatus(running, "FAILED");
        scheduler.advance(scheduler.nextDelay().orElseThrow());

        assertThat(active).isNotEmpty().hasSizeLessThan(60);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(active);
        assertThat(rec.lines()).containsExactly("changed " + running + " RUNNING->FAILED");
    }

    /** The jobs a watcher's lists show: PENDING and RUNNING ones, as the honest filter lists them. */
    private List<String> activeIds() throws IOException {
        return client.listFineTunes(new FineTuneQuery(1, 100, null, null)).items().stream()
                .filter(job -> job.status().equals("PENDING") || job.status().equals("RUNNING"))
                .map(FineTuneJob::jobId).toList();
    }
}
