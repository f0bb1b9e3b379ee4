package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.CHANNEL;
import static dev.mstudio.slackbot.BotFixture.SECRET;
import static dev.mstudio.slackbot.BotFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bot's HTTP door, over real HTTP: the signature is checked on the raw bytes before any
 * parsing (401, no stack trace), and a signed request that cannot be read is a 400 with one log
 * line; nothing from a request can start a log line of its own.
 */
class SlackRequestEdgeTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static BotFixture fixture;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.start(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text=%zz", "command=%2Fmstudio&text=%E0%A4", "payload=%7B"})
    void unsignedMalformedBody_is401_withoutAStackTrace(String body) throws Exception {
        try (LogCapture log = LogCapture.start()) {
            assertThat(post(body, FORM, null, null)).isEqualTo(401);
            assertThat(post(body, FORM + "; charset=no-such-charset", null, null)).isEqualTo(401);

            assertNoStackTrace(log);
        }
    }

    @Test
    void staleSignature_is401() throws Exception {
        String body = slashBody("imports");
        Instant sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6));

        assertThat(post(body, FORM, sixMinutesAgo, SECRET)).isEqualTo(401);
    }

    @Test
    void unsignedBody_cannotForgeALogLine() throws Exception {
        String forged = "text=x\n[main] ERROR dev.mstudio.Forged - admin U0EVIL granted\u2028[main] INFO forged";
        try (LogCapture log = LogCapture.start()) {
            assertThat(post(forged, FORM, null, null)).isEqualTo(401);
            assertThat(post(forged, FORM, Instant.now(), SECRET)).isEqualTo(400);

            assertThat(log.text()).contains("Refused a signed").doesNotContain("Forged", "U0EVIL", "forged", "\u2028");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zz", "%E0%A4", "%C3%28", "%", "abc%2"})
    void signedBodyWithBadEscapesOrBadUtf8_is400_withOneLogLine(String text) throws Exception {
        String body = slashBody("imports").replace("text=imports", "text=" + text);
        try (LogCapture log = LogCapture.start()) {
            assertThat(post(body, FORM, Instant.now(), SECRET)).isEqualTo(400);

            assertOneRefusal(log);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "no-such-charset", "\"x y\""})
    void signedBodyInAnotherOrUnknownCharset_is400(String charset) throws Exception {
        try (LogCapture log = LogCapture.start()) {
            assertThat(post(slashBody("imports"), FORM + "; charset=" + charset, Instant.now(), SECRET)).isEqualTo(400);

            assertOneRefusal(log);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[1]",
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0USER\"}}",
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0USER\"},\"actions\":[]}",
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0USER\"},\"actions\":[{\"value\":\"x\"}]}",
        "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"mstudio_run\",\"value\":\"imports\"}]}",
        "{\"type\":\"block_actions\",\"user\":\"U0USER\",\"actions\":[{\"action_id\":\"mstudio_run\"}]}",
        "{\"user\":{\"id\":\"U0USER\"},\"actions\":[{\"action_id\":\"mstudio_run\"}]}",
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0USER\"},\"channel\":\"C0TEST\","
                + "\"actions\":[{\"action_id\":\"mstudio_run\",\"value\":\"imports\"}]}"})
    void signedInteractionMissingItsParts_is400_withOneLogLine(String payload) throws Exception {
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        try (LogCapture log = LogCapture.start()) {
            assertThat(post(body, FORM, Instant.now(), SECRET)).isEqualTo(400);

            assertOneRefusal(log);
        }
    }

    @Test
    void signedFormWithNeitherCommandNorPayload_is400() throws Exception {
        assertThat(post("hello=world", FORM, Instant.now(), SECRET)).isEqualTo(400);
    }

    @Test
    void signedWellFormedCommand_stillReachesTheBot() throws Exception {
        assertThat(post(slashBody("help"), FORM + "; charset=UTF-8", Instant.now(), SECRET)).isEqualTo(200);
    }

    /** POSTs {@code body}; signed with {@code secret} at {@code at} unless the secret is null. */
    private int post(String body, String contentType, Instant at, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.bot.eventsUrl()).timeout(BotFixture.WAIT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            String timestamp = Long.toString(at.getEpochSecond());
            request.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                    .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                            new SlackSignature.Generator(secret).generate(timestamp, body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String slashBody(String text) {
        return SignedRequest.slashCommand("/mstudio", text, USER, CHANNEL, fixture.slack.responseUrl("edge"));
    }

    private static void assertOneRefusal(LogCapture log) {
        // the filter logs before it answers: once the answer is here, so is the line
        assertThat(log.text().lines().filter(l -> l.contains("Refused a signed"))).hasSize(1);
        assertNoStackTrace(log);
    }

    private static void assertNoStackTrace(LogCapture log) {
        assertThat(log.text()).doesNotContain("\tat ", "Exception", "ERROR");
    }
}
