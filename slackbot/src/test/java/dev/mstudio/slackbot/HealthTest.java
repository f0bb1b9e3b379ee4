package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
}
