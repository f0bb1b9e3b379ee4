package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Bolt app served over HTTP (Jetty, port 0): only requests signed with the app's signing
 * secret within the last five minutes reach a handler; everything else gets 401 and runs nothing.
 */
class SignatureVerificationTest {
    private static final String SECRET = "the-real-secret";
    private static final AtomicInteger HANDLED = new AtomicInteger();
    private static FakeSlack slack;
    private static Slack client;
    private static App app;
    private static BotHttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startApp() throws Exception {
        slack = FakeSlack.start(0);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        client = Slack.getInstance(config);
        app = new App(AppConfig.builder().slack(client).singleTeamBotToken("xoxb-test").signingSecret(SECRET)
                .authTestCacheExpirationMillis(-1).build());
        app.command("/mstudio", (request, context) -> {
            HANDLED.incrementAndGet();
            return context.ack();
        });
        app.start();
        server = BotHttpServer.start(app, () -> "ok", new dev.mstudio.slackbot.metrics.BotMetrics(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopApp() throws Exception {
        server.close();
        app.stop();
        client.close();
        slack.close();
    }

    @Test
    void post_signedWithTheSecret_isHandled() throws Exception {
        int before = HANDLED.get();

        HttpResponse<String> response = post(SignedRequest.sign(SECRET, body(), Instant.now()).toHttp(events(), patience()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HANDLED.get()).isEqualTo(before + 1);
    }

    @Test
    void post_signedWithAnotherSecret_isRejectedAndNotHandled() throws Exception {
        int before = HANDLED.get();

        HttpResponse<String> response = post(SignedRequest.sign("a-forged-secret", body(), Instant.now())
                .toHttp(events(), patience()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HANDLED.get()).isEqualTo(before);
    }

    @Test
    void post_withoutSignature_isRejectedAndNotHandled() throws Exception {
        int before = HANDLED.get();

        HttpResponse<String> response = post(HttpRequest.newBuilder(events()).timeout(patience())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(), StandardCharsets.UTF_8)).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HANDLED.get()).isEqualTo(before);
    }

    @Test
    void post_signedSixMinutesAgo_isRejectedAsStale() throws Exception {
        int before = HANDLED.get();
        SignedRequest stale = SignedRequest.sign(SECRET, body(), Instant.now().minus(Duration.ofMinutes(6)));

        HttpResponse<String> response = post(stale.toHttp(events(), patience()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HANDLED.get()).isEqualTo(before);
    }

    @Test
    void post_bodyChangedAfterSigning_isRejectedAndNotHandled() throws Exception {
        int before = HANDLED.get();
        SignedRequest signed = SignedRequest.sign(SECRET, body(), Instant.now());
        SignedRequest tampered = new SignedRequest(signed.body().replace("imports", "import+delete+x"),
                signed.timestamp(), signed.signature());

        HttpResponse<String> response = post(tampered.toHttp(events(), patience()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HANDLED.get()).isEqualTo(before);
    }

    private HttpResponse<String> post(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String body() {
        return SignedRequest.slashCommand("/mstudio", "imports", "U0USER", "C0TEST", slack.responseUrl("sig"));
    }

    private static java.net.URI events() {
        return java.net.URI.create("http://127.0.0.1:" + server.port() + BotHttpServer.EVENTS_PATH);
    }

    private static Duration patience() {
        return Duration.ofSeconds(20);
    }
}
