package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a running bot: the series an operator needs, in Prometheus text format. */
class MetricsTest {
    private static BotFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.start(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void metrics_countCommandsSlackCallsAndDashScopeRequests_andShowTheGauges() throws Exception {
        fixture.slash(USER, "imports --status RUNNING").awaitReply(text -> text.contains("Import jobs"));
        fixture.slash(USER, "import delete x --yes").awaitReply(text -> text.contains("admins"));
        fixture.slash(USER, "frobnicate").awaitReply(text -> text.contains("Unknown command"));

        HttpResponse<String> scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fixture.bot.healthUrl().toString().replace("/healthz", "/metrics"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        String text = scraped.body();
        assertThat(text).contains("mstudio_commands_total{command=\"imports\",outcome=\"ok\"} 1.0")
                .contains("mstudio_commands_total{command=\"import delete\",outcome=\"refused\"} 1.0")
                .contains("mstudio_commands_total{command=\"unparsed\",outcome=\"failed\"} 1.0")
                .containsPattern("mstudio_slack_ack_seconds_count \\d+")
                .containsPattern("mstudio_slack_ack_seconds_bucket\\{le=")
                .containsPattern("mstudio_slack_calls_total\\{method=\"response_url\",result=\"ok\"} [1-9]")
                .containsPattern("mstudio_dashscope_requests_total\\{endpoint=\"GET /api/v1/custom_models/import\","
                        + "status=\"200\"} [1-9]")
                .contains("mstudio_outbox_pending ").contains("mstudio_outbox_oldest_age_seconds ")
                .contains("mstudio_deliveries_total ").contains("mstudio_drops_total ")
                .contains("mstudio_watched_jobs{kind=\"imports\"}").contains("mstudio_watched_jobs{kind=\"finetunes\"}")
                .contains("mstudio_watched_jobs{kind=\"deployments\"}")
                .contains("mstudio_leader 1.0")
                .doesNotContain("xoxb-test").doesNotContain("sk-test");
    }
}
