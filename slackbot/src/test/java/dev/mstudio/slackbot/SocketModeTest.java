package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot in Socket Mode, configured from the environment as {@code ./mstudio bot} is (SLACK_APP_TOKEN
 * set, no signing secret): it asks FakeSlack's apps.connections.open for a WebSocket URL, connects to
 * a local Socket Mode server over ws://, acks a slash command envelope over the socket and answers
 * at the command's response_url; /healthz says "socket".
 */
class SocketModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String USER = "U0USER";
    private static final String CHANNEL = "C0TEST";

    @TempDir
    static Path home;

    private static Sandbox sandbox;
    private static FakeSlack slack;
    private static FakeSocketModeServer socketServer;
    private static DashScopeClient client;
    private static Bot bot;

    @BeforeAll
    static void start() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2024-11-01T12:00:00Z"), ZoneOffset.UTC);
        sandbox = Sandbox.builder().port(0).clock(frozen).random(7).build().start().seedDemo();
        slack = FakeSlack.start(0).join(CHANNEL);
        socketServer = FakeSocketModeServer.start(WAIT);
        slack.socketModeUrl(socketServer.url());
        Map<String, String> env = Map.of(
                BotConfig.BOT_TOKEN, "xoxb-test",
                BotConfig.APP_TOKEN, "xapp-test",
                BotConfig.API_URL, slack.apiUrl(),
                BotConfig.BIND, "127.0.0.1",
                BotConfig.PORT, "0",
                "MSTUDIO_DB", "jdbc:sqlite::memory:",
                ClientConfig.ENV_BASE_URL, sandbox.baseUrl(),
                ClientConfig.ENV_API_KEY, "sk-test");
        BotConfig config = BotConfig.fromEnvironment(env);
        client = DashScopeClient.builder().config(ClientConfig.fromEnvironment(env, home)).maxAttempts(1).build();
        bot = Bot.builder(config, client).build().start();
        socketServer.awaitConnection(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (client != null) {
            client.close();
        }
        if (socketServer != null) {
            socketServer.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void start_opensTheConnectionWithTheAppTokenThroughTheWebApi() {
        List<SlackCall> opens = slack.calls("apps.connections.open");

        assertThat(opens).isNotEmpty().allSatisfy(call -> assertThat(call.ok()).isTrue());
    }

    @Test
    void slashCommandEnvelope_isAckedOverTheSocket_andAnsweredAtResponseUrl() throws Exception {
        List<String> running = client.listImports(new ImportQuery(1, 100, "RUNNING", null)).items().stream()
                .map(ImportJob::id).toList();
        assertThat(running).isNotEmpty();
        String responseUrl = slack.responseUrl("socket-1");

        socketServer.send(slashCommand("env-imports-1", "imports --status RUNNING", responseUrl));

        JsonNode ack = socketServer.awaitAck("env-imports-1", WAIT);
        assertThat(ack.path("envelope_id").asText()).isEqualTo("env-imports-1");
        assertThat(ack.path("payload").path("text").asText("")).isBlank();
        SlackCall reply = slack.awaitCall("response",
                call -> "socket-1".equals(call.responseId()) && BotFixture.allText(call.body()).contains("Import jobs"),
                WAIT);
        JsonNode message = reply.body();
        assertThat(message.path("response_type").asText()).isEqualTo("ephemeral");
        String text = BotFixture.allText(message);
        assertThat(running).allSatisfy(id -> assertThat(text).contains(id));
        assertThat(text).contains("RUNNING");
    }

    @Test
    void healthz_saysSocketMode() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(bot.healthUrl()).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("mode").asText()).isEqualTo("socket");
        assertThat(health.path("slash_command").asText()).isEqualTo("/mstudio");
    }

    /** A {@code slash_commands} envelope as Slack's Socket Mode server sends it. */
    private static ObjectNode slashCommand(String envelopeId, String text, String responseUrl) {
        ObjectNode payload = JSON.createObjectNode()
                .put("token", "fake-verification-token")
                .put("team_id", "T0FAKE")
                .put("team_domain", "fake")
                .put("channel_id", CHANNEL)
                .put("channel_name", "test")
                .put("user_id", USER)
                .put("user_name", "user")
                .put("command", "/mstudio")
                .put("text", text)
                .put("api_app_id", "A0FAKE")
                .put("is_enterprise_install", "false")
                .put("response_url", responseUrl)
                .put("trigger_id", "1.2.fake");
        ObjectNode envelope = JSON.createObjectNode()
                .put("envelope_id", envelopeId)
                .put("type", "slash_commands")
                .put("accepts_response_payload", true);
        envelope.set("payload", payload);
        return envelope;
    }
}
