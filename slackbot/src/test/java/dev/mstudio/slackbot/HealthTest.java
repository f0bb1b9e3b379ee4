package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void healthz_onARunningBot_answers200WithSmallJson() throws Exception {
        try (BotFixture fixture = BotFixture.start(Duration.ofSeconds(20))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(fixture.bot.healthUrl()).timeout(BotFixture.WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("replica").path("leader").asBoolean()).isTrue();
            assertThat(health.path("replica").path("replicated").asBoolean()).isFalse();
            assertThat(health.path("replica").path("id").asText()).isNotBlank();
            assertThat(health.path("mode").asText()).isEqualTo("http");
            assertThat(health.path("slash_command").asText()).isEqualTo("/mstudio");
            assertThat(health.path("notifications").isObject()).isTrue();
            assertThat(response.body()).doesNotContain(BotFixture.SECRET).doesNotContain("xoxb-test");
        }
    }

    @Test
    void healthcheck_botAnswering_exitsZeroAndPrintsItsHealth() throws Exception {
        try (BotFixture fixture = BotFixture.start(Duration.ofSeconds(20))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = BotMain.run(List.of("healthcheck"), Map.of(BotConfig.PORT, String.valueOf(fixture.bot.port())),
                    print(out), print(err));

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(new ObjectMapper().readTree(out.toByteArray()).path("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void healthcheck_nothingListening_exitsOneWithOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = HealthCheck.run(Map.of(BotConfig.PORT, String.valueOf(port)), print(new ByteArrayOutputStream()),
                print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mstudio bot healthcheck: http://127.0.0.1:" + port
                + "/healthz: ConnectException").hasLineCount(1);
    }

    @Test
    void healthcheck_portZero_exitsOneSayingWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = HealthCheck.run(Map.of(BotConfig.PORT, "0"), print(new ByteArrayOutputStream()), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MSTUDIO_BOT_PORT is 0");
    }

    @Test
    void healthcheckUrl_followsWhereTheBotListens() {
        assertThat(HealthCheck.url(Map.of())).hasToString("http://127.0.0.1:3000/healthz");
        assertThat(HealthCheck.url(Map.of(BotConfig.BIND, "::", BotConfig.PORT, "3100")))
                .hasToString("http://127.0.0.1:3100/healthz");
        assertThat(HealthCheck.url(Map.of(BotConfig.BIND, "10.0.0.5"))).hasToString("http://10.0.0.5:3000/healthz");
        assertThat(HealthCheck.url(Map.of(BotConfig.BIND, "::1"))).hasToString("http://[::1]:3000/healthz");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
