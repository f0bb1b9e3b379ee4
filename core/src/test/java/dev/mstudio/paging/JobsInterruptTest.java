package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mstudio.client.JobKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C in the REPL interrupts the command's thread: a page load in flight must not hold it, must
 * not keep running when nobody else waits for it, and must not be handed to the next caller.
 */
class JobsInterruptTest {

    /** Runs jobs.page on a new thread; completes with what it threw (an AssertionError if the flag was lost). */
    private static CompletableFuture<Throwable> pageOnAThread(Jobs jobs, Thread[] started) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        started[0] = new Thread(() -> {
            try {
                jobs.page(JobQuery.of(JobKind.IMPORT));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("flag cleared", e));
            }
        });
        started[0].start();
        return outcome;
    }

    @Test
    void page_interruptedWhileLoading_returnsAtOnce_stopsTheLoad_andTheNextCallLoadsAfresh() throws Exception {
        FakeClient client = new FakeClient().withImports(30);
        CountDownLatch gate = new CountDownLatch(1);
        client.gate = gate;
        ExecutorService pool = Executors.newCachedThreadPool();
        try (Jobs jobs = Jobs.builder(client).executor(pool).build()) {
            Thread[] caller = new Thread[1];
            CompletableFuture<Throwable> outcome = pageOnAThread(jobs, caller);
            client.entered.await();

            caller[0].interrupt();

            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.interrupted.get() == 1);
            client.gate = null;
            CompletableFuture<Integer> again = CompletableFuture.supplyAsync(() -> pageSize(jobs));
            assertThat(again.get(10, TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(client.calls("listImports")).isEqualTo(2);
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void page_oneOfTwoWaitersInterrupted_theLoadGoesOnForTheOther() throws Exception {
        FakeClient client = new FakeClient().withImports(30);
        CountDownLatch gate = new CountDownLatch(1);
        client.gate = gate;
        ExecutorService pool = Executors.newCachedThreadPool();
        try (Jobs jobs = Jobs.builder(client).executor(pool).build()) {
            Thread[] first = new Thread[1];
            CompletableFuture<Throwable> interrupted = pageOnAThread(jobs, first);
            client.entered.await();
            Thread[] second = new Thread[1];
            CompletableFuture<Throwable> patient = pageOnAThread(jobs, second);
            await().atMost(Duration.ofSeconds(10)).until(() -> second[0].getState() == Thread.State.WAITING);

            first[0].interrupt();
            assertThat(interrupted.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
            gate.countDown();

            assertThat(patient.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(client.interrupted.get()).isZero();
            assertThat(client.calls("listImports")).isEqualTo(1);
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
    }

    private static int pageSize(Jobs jobs) {
        try {
            return jobs.page(JobQuery.of(JobKind.IMPORT)).items().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
