package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class BotHttpServerTest {

    @Test
    void internalError_answers500WithoutStackTrace() throws Exception {
        try (BotHttpServer server = BotHttpServer.start(null, () -> {
            throw new IllegalStateException("health probe exploded");
        }, new dev.mstudio.slackbot.metrics.BotMetrics(), "127.0.0.1", 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + BotHttpServer.HEALTH_PATH))
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("IllegalStateException", "exploded", "\tat ", "HealthServlet");
        }
    }
}
