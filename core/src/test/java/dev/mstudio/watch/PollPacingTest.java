package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollPacingTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private Duration next() {
        return h.scheduler.nextDelay().orElseThrow();
    }

    private Recorder watchRunning(String id) {
        h.client.putImport(id, "RUNNING", "qwen-a");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.job(id), rec);
        h.runDue();
        return rec;
    }

    @Test
    void interval_shortAfterAChange_growingWhileQuiet_upToTheMaximum() {
        watchRunning("imp-1");
        List<Duration> delays = new ArrayList<>();
        delays.add(next());
        for (int i = 0; i < 7; i++) {
            h.nextCycle();
            delays.add(next());
        }
        h.client.setStatus("imp-1", "PENDING");
        h.nextCycle();
        delays.add(next());

        assertThat(delays).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(7500),
                Duration.ofMillis(11250), Duration.ofMillis(16875), Duration.ofMillis(25312), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(h.imports().health().nextDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void errors_backOffExponentially_andTheWatcherSurvives() {
        watchRunning("imp-1");
        h.client.failNext(new IOException("connection reset"), new IOException("connection reset"),
                new IOException("connection reset"));
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            h.nextCycle();
            delays.add(next());
        }
        WatchHealth failing = h.imports().health();
        h.client.setStatus("imp-1", "FAILED");
        h.nextCycle();

        assertThat(delays).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(failing.state()).isEqualTo(WatchHealth.State.BACKING_OFF);
        assertThat(failing.consecutiveErrors()).isEqualTo(3);
        assertThat(failing.requestsLastCycle()).isEqualTo(1);
        assertThat(failing.lastError()).isEqualTo("IOException: connection reset");
        assertThat(h.imports().health().consecutiveErrors()).isZero();
        assertThat(h.imports().health().lastSuccess()).isEqualTo(h.scheduler.now());
    }

    @Test
    void throttling_backsOffLonger_cappedAtTheMaximumBackoff() {
        Recorder rec = watchRunning("imp-1");
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            h.client.failNext(FakeClient.throttling());
            h.nextCycle();
            delays.add(next());
        }
        h.client.setStatus("imp-1", "SUCCESSED");
        h.nextCycle();

        assertThat(delays).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80),
                Duration.ofMinutes(2));
        assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING", "changed imp-1 RUNNING->SUCCESSED");
    }

    @Test
    void throttling_lastErrorIsOneLineWithTheCode() {
        watchRunning("imp-1");
        h.client.failNext(FakeClient.throttling());
        h.nextCycle();

        assertThat(h.imports().health().lastError())
                .isEqualTo("Throttling: Requests throttling triggered. (HTTP 429, request_id req-429)");
    }

    @Test
    void watcher_nothingLeftToFollow_stopsPolling_andRestartsForANewListener() {
        watchRunning("imp-1");
        h.client.setStatus("imp-1", "SUCCESSED");
        h.nextCycle();
        assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.IDLE);
        assertThat(h.scheduler.pending()).isZero();
        int before = h.client.requests();
        h.advance(Duration.ofHours(1));
        assertThat(h.client.requests()).isEqualTo(before);

        h.client.putImport("imp-2", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();
        h.imports().subscribe(WatchFilter.job("imp-2"), rec);
        h.runDue();

        assertThat(rec.lines()).containsExactly("seen imp-2 RUNNING");
        assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.WATCHING);
    }

    @Test
    void watcher_noListeners_neverPolls() {
        h.client.putImport("imp-1", "RUNNING", "qwen-a");

        h.advance(Duration.ofMinutes(10));

        assertThat(h.client.requests()).isZero();
        assertThat(h.imports().health().state()).isEqualTo(WatchHealth.State.IDLE);
        assertThat(h.imports().hasSynced()).isFalse();
    }

    @Test
    void subscribe_newIdWhileTheNextPollIsFar_looksItUpAtOnce() {
        watchRunning("imp-1");
        for (int i = 0; i < 6; i++) {
            h.nextCycle();
        }
        assertThat(next()).isEqualTo(Duration.ofSeconds(30));
        h.client.putImport("imp-2", "RUNNING", "qwen-a");
        Recorder rec = new Recorder();

        h.imports().subscribe(WatchFilter.job("imp-2"), rec);
        h.runDue();

        assertThat(rec.lines()).containsExactly("seen imp-2 RUNNING");
    }

    @Test
    void health_countsRequestsPerCycleAndInTotal() {
        watchRunning("imp-1");
        watchRunning("imp-2");
        h.client.resetCounts();
        h.nextCycle();

        WatchHealth health = h.imports().health();
        assertThat(h.client.calls).containsExactly("list RUNNING 1");
        assertThat(health.requestsLastCycle()).isEqualTo(1);
        assertThat(health.requestsTotal()).isEqualTo(1 + 2 + 1);
        assertThat(health.cycles()).isEqualTo(3);
        assertThat(health.watchedJobs()).isEqualTo(2);
        assertThat(health.listeners()).isEqualTo(2);
    }
}
