package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.paging.Jobs;
import dev.mstudio.watch.Watchers;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A command whose HTTP call never gets an answer: Ctrl-C (an interrupt of the command's thread)
 * ends it at once as "interrupted" (exit 130); a timeout is "Cannot reach", not an interrupt.
 */
class InterruptedCallTest {
    private final MockWebServer server = new MockWebServer();
    private final CommandLanguage language = CommandLanguage.standard();

    @AfterEach
    void close() throws IOException {
        server.shutdown();
    }

    /** A session over a client of the stalled server, configured by {@code settings}. */
    private Stack stack(UnaryOperator<DashScopeClient.Builder> settings) throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        DashScopeClient client = settings.apply(DashScopeClient.builder()
                .config(ClientConfig.of(server.url("/api/v1").toString(), "sk-test"))).build();
        Jobs jobs = Jobs.builder(client).build();
        Watchers watchers = Watchers.builder(client).build();
        return new Stack(client, jobs, watchers, Session.builder(jobs, watchers).build());
    }

    private record Stack(DashScopeClient client, Jobs jobs, Watchers watchers, Session session) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
            watchers.close();
            jobs.close();
            client.close();
        }
    }

    @Test
    void run_interruptedWhileTheCallWaits_isInterrupted_exit130_andClearsTheFlag() throws Exception {
        try (Stack stack = stack(b -> b.readTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ofSeconds(120)))) {
            CompletableFuture<Result> result = new CompletableFuture<>();
            CompletableFuture<Boolean> flagAfter = new CompletableFuture<>();
            Thread runner = new Thread(() -> {
                result.complete(language.run(stack.session(), "/finetune checkpoints ft-1"));
                flagAfter.complete(Thread.currentThread().isInterrupted());
            }, "interrupted-call-test");
            runner.setDaemon(true);
            runner.start();
            RecordedRequest sent = server.takeRequest(10, TimeUnit.SECONDS);

            runner.interrupt();
            Result.Failure failure = (Result.Failure) result.get(10, TimeUnit.SECONDS);

            assertThat(sent.getPath()).isEqualTo("/api/v1/fine-tunes/ft-1/checkpoints");
            assertThat(failure).isEqualTo(Errors.interrupted());
            assertThat(failure.exitCode()).isEqualTo(130);
            assertThat(flagAfter.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void run_readTimeout_isCannotReach_notInterrupted() throws Exception {
        try (Stack stack = stack(b -> b.maxAttempts(1).readTimeout(Duration.ofMillis(200)))) {
            Result.Failure failure = (Result.Failure) language.run(stack.session(), "/finetune checkpoints ft-1");

            assertThat(failure.message()).startsWith("Cannot reach " + stack.client().baseUrl() + ": ")
                    .contains("timed out after 200 ms").doesNotContain("Exception");
            assertThat(failure.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void run_wholeCallTimeout_isCannotReach_notInterrupted() throws Exception {
        try (Stack stack = stack(b -> b.maxAttempts(1).readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMillis(300)))) {
            Result.Failure failure = (Result.Failure) language.run(stack.session(), "/finetune checkpoints ft-1");

            assertThat(failure.message()).startsWith("Cannot reach " + stack.client().baseUrl() + ": ")
                    .contains("timed out after 300 ms (the whole call)").doesNotContain("Exception");
            assertThat(failure.exitCode()).isEqualTo(1);
        }
    }
}
