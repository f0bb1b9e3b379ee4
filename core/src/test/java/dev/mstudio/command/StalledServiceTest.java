package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.paging.Jobs;
import dev.mstudio.testkit.StalledServer;
import dev.mstudio.watch.Watchers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A service that accepts requests and never answers them, or trickles a byte a second: deadlines
 * hold (the HTTP call in flight is canceled when they pass), and Ctrl-C really stops the request.
 * The client keeps its production timeouts (read 30 s, call 60 s), far beyond what the tests allow.
 */
class StalledServiceTest {
    private static final String FT_ID = "ft-202410291653-1c7f";
    private final CommandLanguage language = CommandLanguage.standard();

    private record Stack(DashScopeClient client, Jobs jobs, Watchers watchers, Session session) implements AutoCloseable {
        static Stack over(StalledServer server) {
            DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(server.baseUrl(), "sk-test")).build();
            Jobs jobs = Jobs.builder(client).build();
            Watchers watchers = Watchers.builder(client).build();
            return new Stack(client, jobs, watchers, Session.builder(jobs, watchers).build());
        }

        @Override
        public void close() {
            session.close();
            watchers.close();
            jobs.close();
            client.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StalledServer.Mode.class)
    void wait_serviceNeverAnswers_endsAtTheTimeout_exitTwo_andCancelsTheCall(StalledServer.Mode mode) throws Exception {
        try (StalledServer server = new StalledServer(mode); Stack stack = Stack.over(server)) {
            long start = System.nanoTime();
            Result result = language.run(stack.session(), "/wait " + FT_ID + " --timeout 2s");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(((Result.Message) result).text())
                    .isEqualTo("Timed out after 2s waiting for " + FT_ID + ": DashScope did not answer in time.");
            assertThat(took).isLessThan(Duration.ofSeconds(2 + 5));
            assertThat(server.requestLines()).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.closedByClient() == 1);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void import_interruptedWhileStalled_stopsTheRequest_andAskingAgainDoesNotWaitForIt() throws Exception {
        try (StalledServer server = new StalledServer(StalledServer.Mode.HANG); Stack stack = Stack.over(server)) {
            CompletableFuture<Result> first = new CompletableFuture<>();
            Thread runner = new Thread(() -> first.complete(language.run(stack.session(), "/import imp-1")));
            runner.setDaemon(true);
            runner.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requestLines().size() == 1);

            runner.interrupt();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Errors.interrupted());
            await().atMost(Duration.ofSeconds(10)).until(() -> server.closedByClient() == 1);
            server.answer(seed("import-get.json"));
            Result again = CompletableFuture.supplyAsync(() -> language.run(stack.session(), "/import imp-1"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(again).isInstanceOf(Result.Detail.class);
            assertThat(server.requestLines()).hasSize(2).allMatch(line -> line.startsWith("GET /api/v1/custom_models/import/imp-1 "));
        }
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = StalledServiceTest.class.getResourceAsStream("/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
