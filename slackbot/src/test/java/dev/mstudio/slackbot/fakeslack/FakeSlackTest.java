package dev.mstudio.slackbot.fakeslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FakeSlack driven by the real Slack SDK, as the bot drives it. */
class FakeSlackTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String TOKEN = "xoxb-secret-test-token";

    private FakeSlack slack;
    private Slack sdk;
    private MethodsClient methods;

    @BeforeEach
    void start() {
        slack = FakeSlack.start(0).join("C1");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        sdk = Slack.getInstance(config);
        methods = sdk.methods(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
        slack.close();
    }

    @Test
    void chatPostMessage_assignsTsAndRecordsTheCallWithParsedBlocks() throws Exception {
        ChatPostMessageResponse response = methods.chatPostMessage(r -> r.channel("C1").text("hello")
                .blocksAsString("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hi\"}}]"));

        SlackCall call = slack.awaitCall("chat.postMessage", null, TIMEOUT);
        assertThat(response.isOk()).isTrue();
        assertThat(response.getTs()).isNotBlank();
        assertThat(call.ts()).isEqualTo(response.getTs());
        assertThat(call.channel()).isEqualTo("C1");
        assertThat(call.text()).isEqualTo("hello");
        assertThat(call.threadTs()).isNull();
        assertThat(call.ok()).isTrue();
        assertThat(call.body().path("blocks").get(0).path("type").asText()).isEqualTo("section");
    }

    @Test
    void chatPostMessage_threadReply_recordsThreadAndBroadcast() throws Exception {
        String parent = methods.chatPostMessage(r -> r.channel("C1").text("parent")).getTs();

        methods.chatPostMessage(r -> r.channel("C1").text("reply").threadTs(parent).replyBroadcast(true));

        SlackCall reply = slack.awaitCall("chat.postMessage", c -> parent.equals(c.threadTs()), TIMEOUT);
        assertThat(reply.flag("reply_broadcast")).as(reply.body().toString()).isTrue();
        assertThat(reply.ts()).isNotEqualTo(parent);
    }

    @Test
    void chatUpdate_ofAPostedMessage_succeeds_andOfAnUnknownOne_isMessageNotFound() throws Exception {
        String ts = methods.chatPostMessage(r -> r.channel("C1").text("v1")).getTs();

        ChatUpdateResponse updated = methods.chatUpdate(r -> r.channel("C1").ts(ts).text("v2"));
        ChatUpdateResponse unknown = methods.chatUpdate(r -> r.channel("C1").ts("1.000000").text("v2"));

        assertThat(updated.isOk()).isTrue();
        assertThat(unknown.isOk()).isFalse();
        assertThat(unknown.getError()).isEqualTo("message_not_found");
        assertThat(slack.calls("chat.update")).extracting(SlackCall::text).containsExactly("v2", "v2");
        assertThat(slack.calls("chat.update").get(1).error()).isEqualTo("message_not_found");
    }

    @Test
    void throttleNext_answers429WithRetryAfter_thenAnswersNormally() throws Exception {
        slack.throttleNext("chat.postMessage", 1, 7);

        assertThatThrownBy(() -> methods.chatPostMessage(r -> r.channel("C1").text("first")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                    assertThat(e.getError().getError()).isEqualTo("ratelimited");
                });
        ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel("C1").text("second"));

        assertThat(second.isOk()).isTrue();
        assertThat(slack.calls("chat.postMessage")).extracting(SlackCall::error).containsExactly("ratelimited", null);
    }

    @Test
    void failNext_answersTheSlackError() throws Exception {
        slack.failNext("*", 1, "channel_not_found");

        ChatPostMessageResponse response = methods.chatPostMessage(r -> r.channel("C404").text("x"));

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("channel_not_found");
    }

    @Test
    void responseUrl_recordsJsonPostsAsResponseCalls() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(slack.responseUrl("cmd-1")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"response_type\":\"ephemeral\",\"text\":\"done\"}"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        SlackCall call = slack.awaitCall("response", null, TIMEOUT);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(call.text()).isEqualTo("done");
        assertThat(call.param("response_type")).isEqualTo("ephemeral");
        assertThat(call.responseId()).isEqualTo("cmd-1");
    }

    @Test
    void webApiCalls_haveNoResponseId() throws Exception {
        methods.chatPostMessage(r -> r.channel("C1").text("x"));

        assertThat(slack.awaitCall("chat.postMessage", null, TIMEOUT).responseId()).isNull();
    }

    @Test
    void calls_neverKeepTheToken() throws Exception {
        methods.chatPostMessage(r -> r.channel("C1").text("x"));
        methods.chatPostMessage(r -> r.token(TOKEN).channel("C1").text("y"));

        assertThat(slack.calls()).allSatisfy(c -> assertThat(c.body().toString()).doesNotContain(TOKEN));
    }

    @Test
    void awaitCall_noMatchInTime_failsListingWhatArrived() throws Exception {
        methods.chatPostMessage(r -> r.channel("C1").text("only this"));

        assertThatThrownBy(() -> slack.awaitCall("chat.update", null, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("only this");
    }

    @Test
    void echo_printsAHeaderLinePerCallAndTheTextBelowIt_withoutTheToken() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeSlack echoing = FakeSlack.start(0, new PrintStream(out, true, StandardCharsets.UTF_8)).join("C9")) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(echoing.apiUrl());
            try (Slack other = Slack.getInstance(config)) {
                other.methods(TOKEN).chatPostMessage(r -> r.channel("C9").text("line one\nline two"));
            }
        }

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("chat.postMessage #C9").doesNotContain(TOKEN);
        assertThat(printed.lines()).contains("  line one", "  line two");
        assertThat(printed.lines().filter(l -> l.contains("chat.postMessage"))).hasSize(1);
    }
}
