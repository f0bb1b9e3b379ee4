package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenerIsolationTest {

    @Test
    void throwingListener_isCountedAndNeverReachesTheOthers() {
        try (Harness h = new Harness()) {
            h.client.putImport("imp-1", "RUNNING", "qwen-a");
            Recorder good = new Recorder();
            h.imports().subscribe(WatchFilter.job("imp-1"), event -> {
                throw new IllegalStateException("listener bug");
            });
            h.imports().subscribe(WatchFilter.job("imp-1"), good);
            h.runDue();
            h.client.setStatus("imp-1", "FAILED");
            h.nextCycle();

            assertThat(good.lines()).containsExactly("seen imp-1 RUNNING", "changed imp-1 RUNNING->FAILED");
            assertThat(h.imports().health().listenerErrors()).isEqualTo(2);
            assertThat(h.imports().health().consecutiveErrors()).isZero();
        }
    }

    @Test
    void throwingSink_isCountedAndPollingGoesOn() {
        FakeClient client = new FakeClient();
        TestScheduler scheduler = new TestScheduler();
        client.putImport("imp-1", "RUNNING", "qwen-a");
        try (Watchers watchers = Watchers.builder(client).scheduler(scheduler).executor(Runnable::run)
                .sink(job -> {
                    throw new IllegalStateException("index full");
                }).build()) {
            Recorder rec = new Recorder();
            watchers.of(dev.mstudio.client.JobKind.IMPORT).subscribe(WatchFilter.job("imp-1"), rec);
            scheduler.runDue();

            assertThat(rec.lines()).containsExactly("seen imp-1 RUNNING");
            assertThat(watchers.of(dev.mstudio.client.JobKind.IMPORT).health().listenerErrors()).isEqualTo(1);
        }
    }

    @Test
    void blockedListener_delaysNeitherPollingNorTheOtherListeners() throws InterruptedException {
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersGotAll = new CountDownLatch(3);
        CountDownLatch blockedGotFirst = new CountDownLatch(1);
        Recorder blocked = new Recorder();
        Recorder other = new Recorder();
        try (Harness h = new Harness(WatchStateStore.none(), pool)) {
            h.client.putImport("imp-1", "PENDING", "qwen-a");
            h.imports().subscribe(WatchFilter.job("imp-1"), event -> {
                blocked.onEvent(event);
                blockedGotFirst.countDown();
                awaitQuietly(release);
            });
            h.imports().subscribe(WatchFilter.job("imp-1"), event -> {
                other.onEvent(event);
                othersGotAll.countDown();
            });
            h.runDue();
            h.client.setStatus("imp-1", "RUNNING");
            h.nextCycle();
            h.client.setStatus("imp-1", "SUCCESSED");
            h.nextCycle();

            assertThat(othersGotAll.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(other.lines()).containsExactly("seen imp-1 PENDING", "changed imp-1 PENDING->RUNNING",
                    "changed imp-1 RUNNING->SUCCESSED");
            assertThat(blockedGotFirst.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(blocked.lines()).containsExactly("seen imp-1 PENDING");
            assertThat(h.imports().health().cycles()).isEqualTo(3);

            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(blocked.lines()).isEqualTo(other.lines());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void listener_eachJobsEventsArriveInOrder() {
        try (Harness h = new Harness()) {
            List<String> ids = List.of("imp-1", "imp-2");
            ids.forEach(id -> h.client.putImport(id, "PENDING", "qwen-a"));
            Recorder rec = new Recorder();
            h.imports().subscribe(WatchFilter.jobs(ids), rec);
            h.runDue();
            h.client.setStatus("imp-1", "RUNNING");
            h.nextCycle();
            h.client.setStatus("imp-1", "FAILED");
            h.client.setStatus("imp-2", "RUNNING");
            h.nextCycle();

            assertThat(rec.lines()).filteredOn(line -> line.contains("imp-1")).containsExactly(
                    "seen imp-1 PENDING", "changed imp-1 PENDING->RUNNING", "changed imp-1 RUNNING->FAILED");
            assertThat(rec.lines()).filteredOn(line -> line.contains("imp-2")).containsExactly(
                    "seen imp-2 PENDING", "changed imp-2 PENDING->RUNNING");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
