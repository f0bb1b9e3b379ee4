package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ctrl-C in the REPL interrupts the command's thread: a page load in flight must not hold it. */
class JobsInterruptTest {

    @Test
    void page_interruptedWhileLoading_returnsAtOnceAndTheLoadStillFillsTheCache() throws Exception {
        FakeClient client = new FakeClient().withImports(30);
        client.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newCachedThreadPool();
        try (Jobs jobs = Jobs.builder(client).executor(pool).build()) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = new Thread(() -> {
                try {
                    jobs.page(JobQuery.of(JobKind.IMPORT));
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("flag cleared", e));
                }
            });
            caller.start();
            client.entered.await();

            caller.interrupt();

            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
            client.gate.countDown();
            assertThat(jobs.page(JobQuery.of(JobKind.IMPORT)).items()).hasSize(10);
            assertThat(client.calls("listImports")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
