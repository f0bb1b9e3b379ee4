package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interrupting the calling thread (the REPL's Ctrl-C) cancels the call in flight, or the wait before
 * a retry, long before any timeout: InterruptedIOException, the flag still set, no further attempt.
 * Timeouts here are a minute, the bounded waits 10 s; nothing asserts a tight timing.
 */
class InterruptTest {
    private static final long PROMPTLY_SECONDS = 10;
    private static final String OK_IMPORT = TestServer.seed("import-get.json");
    private static final String OK_STATUS = "{\"request_id\":\"r-ok\",\"output\":{\"status\":\"success\"}}";

    private final TestServer test = new TestServer();
    private DashScopeClient client = patient(test.builder()).build();

    @AfterEach
    void tearDown() throws Exception {
        Thread.interrupted();
        client.close();
        test.close();
    }

    /** A call that would wait a minute for an answer that never comes. */
    private static DashScopeClient.Builder patient(DashScopeClient.Builder builder) {
        return builder.readTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ofSeconds(120));
    }

    @FunctionalInterface
    private interface ClientCall {
        void run(DashScopeClient client) throws Exception;
    }

    /** One endpoint per retry mode, plus a listing. */
    static Stream<Named<ClientCall>> calls() {
        return Stream.of(
                Named.of("getImport (retried on any failure)", c -> c.getImport("imp-1")),
                Named.of("listFineTunes", c -> c.listFineTunes(FineTuneQuery.all())),
                Named.of("deleteFineTune (retried unless delivered)", c -> c.deleteFineTune("ft-1")),
                Named.of("createImport (never retried)",
                        c -> c.createImport(new CreateImportRequest("qwen3-32b", "lora", "b", "m/", null))));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void call_interruptedWhileWaitingForTheAnswer_isCanceledPromptly_withoutRetry(ClientCall call) throws Exception {
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        test.enqueue(200, OK_STATUS);
        Background running = Background.start(() -> call.run(client));
        assertThat(test.server.takeRequest(PROMPTLY_SECONDS, TimeUnit.SECONDS)).isNotNull();

        running.thread.interrupt();
        Outcome outcome = running.outcome.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);

        assertThat(outcome.thrown()).isInstanceOf(InterruptedIOException.class)
                .hasMessageContaining("was interrupted")
                .hasMessageNotContaining(TestServer.KEY);
        assertThat(outcome.flagSet()).isTrue();
        assertThat(test.server.getRequestCount()).isEqualTo(1);
        assertThat(test.sleeper.waits()).isEmpty();
    }

    @Test
    void getImport_interruptedWhileTheBodyIsComing_isCanceledPromptly() throws Exception {
        // headers at once, then 16 bytes every 3 s: a minute and more for the whole body, yet the
        // server's thread notices the closed socket within 3 s, so shutting it down never waits long
        test.server.enqueue(TestServer.json(200, OK_IMPORT).throttleBody(16, 3, TimeUnit.SECONDS));
        test.enqueue(200, OK_IMPORT);
        Background running = Background.start(() -> client.getImport("imp-1"));
        assertThat(test.server.takeRequest(PROMPTLY_SECONDS, TimeUnit.SECONDS)).isNotNull();

        running.thread.interrupt();
        Outcome outcome = running.outcome.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);

        assertThat(outcome.thrown()).isInstanceOf(InterruptedIOException.class);
        assertThat(outcome.flagSet()).isTrue();
        assertThat(test.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void getImport_interruptedDuringTheBackoffSleep_stopsRetrying() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        Sleeper real = Sleeper.system();
        client.close();
        client = patient(test.builder()).sleeper(duration -> {
            sleeping.countDown();
            real.sleep(duration);
        }).backoff(Duration.ofSeconds(60), Duration.ofSeconds(60)).retryBudget(Duration.ofMinutes(5)).build();
        test.enqueue(500, TestServer.error("InternalError", "Internal server error!", "r-500"));
        test.enqueue(200, OK_IMPORT);
        Background running = Background.start(() -> client.getImport("imp-1"));
        assertThat(sleeping.await(PROMPTLY_SECONDS, TimeUnit.SECONDS)).isTrue();

        running.thread.interrupt();
        Outcome outcome = running.outcome.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);

        assertThat(outcome.thrown()).isInstanceOf(InterruptedIOException.class)
                .hasMessage("interrupted while waiting to retry")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(outcome.flagSet()).isTrue();
        assertThat(test.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void getImport_onAnInterruptedThread_sendsNothing() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> client.getImport("imp-1")).isInstanceOf(InterruptedIOException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(test.server.getRequestCount()).isZero();
    }

    @Test
    void client_afterAnInterruptedCall_callsAsBefore() throws Exception {
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        test.enqueue(200, OK_IMPORT);
        Background running = Background.start(() -> client.getImport("imp-1"));
        assertThat(test.server.takeRequest(PROMPTLY_SECONDS, TimeUnit.SECONDS)).isNotNull();
        running.thread.interrupt();
        running.outcome.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);

        assertThat(client.getImport("imp-1").status()).isEqualTo("RUNNING");
        assertThat(test.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retrier_interruptedDuringAFailedAttempt_neitherWaitsNorRetries() {
        Retrier retrier = retrier(test.sleeper);
        AtomicInteger attempts = new AtomicInteger();
        ApiException serverError = new ApiException(500, "InternalError", "Internal server error!", "r-1");

        assertThatThrownBy(() -> retrier.run(RetryMode.IDEMPOTENT, () -> {
            attempts.incrementAndGet();
            Thread.currentThread().interrupt();
            throw serverError;
        })).isInstanceOf(InterruptedIOException.class).hasCause(serverError);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(attempts).hasValue(1);
        assertThat(test.sleeper.waits()).isEmpty();
    }

    @Test
    void retrier_interruptArrivingInASleeperThatIgnoresIt_stopsBeforeTheNextAttempt() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Retrier retrier = retrier(duration -> {
            waits.add(duration);
            Thread.currentThread().interrupt();
        });
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrier.run(RetryMode.IDEMPOTENT, () -> {
            attempts.incrementAndGet();
            throw new ApiException(503, null, "unavailable", null);
        })).isInstanceOf(InterruptedIOException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(attempts).hasValue(1);
        assertThat(waits).hasSize(1);
    }

    private Retrier retrier(Sleeper sleeper) {
        return new Retrier(test.clock, sleeper, new MaxJitter(), 4,
                Duration.ofSeconds(30), Duration.ofMillis(250), Duration.ofSeconds(8));
    }

    /** What a background call threw (null when it returned), and whether its thread was still interrupted. */
    private record Outcome(Throwable thrown, boolean flagSet) {
    }

    /** A client call on a thread of its own, to be interrupted by the test. */
    private record Background(Thread thread, CompletableFuture<Outcome> outcome) {
        static Background start(Task call) {
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                Throwable thrown = null;
                try {
                    call.run();
                } catch (Throwable t) {
                    thrown = t;
                }
                outcome.complete(new Outcome(thrown, Thread.currentThread().isInterrupted()));
            }, "interrupt-test-call");
            thread.setDaemon(true);
            thread.start();
            return new Background(thread, outcome);
        }
    }

    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }
}
