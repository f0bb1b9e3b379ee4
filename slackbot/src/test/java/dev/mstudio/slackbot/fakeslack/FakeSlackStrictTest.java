package dev.mstudio.slackbot.fakeslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** FakeSlack refuses what Slack refuses: each limit met exactly (accepted) and one over it (refused). */
class FakeSlackStrictTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeSlack slack;
    private Slack sdk;
    private MethodsClient methods;

    @BeforeEach
    void start() {
        slack = FakeSlack.start(0).join("C1");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        sdk = Slack.getInstance(config);
        methods = sdk.methods("xoxb-test");
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
        slack.close();
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("section text", 3_000, (Limit) n -> blocks(b -> b.add(section("s".repeat(n))))),
                Arguments.of("fields", 10, (Limit) n -> blocks(b -> b.add(fields(n, 1)))),
                Arguments.of("field text", 2_000, (Limit) n -> blocks(b -> b.add(fields(1, n)))),
                Arguments.of("header", 150, (Limit) n -> blocks(b -> b.addObject().put("type", "header")
                        .set("text", plain("h".repeat(n))))),
                Arguments.of("blocks", 50, (Limit) n -> blocks(b -> {
                    for (int i = 0; i < n; i++) {
                        b.add(section("b" + i));
                    }
                })),
                Arguments.of("context elements", 10, (Limit) n -> blocks(b -> {
                    ArrayNode elements = b.addObject().put("type", "context").putArray("elements");
                    for (int i = 0; i < n; i++) {
                        elements.addObject().put("type", "mrkdwn").put("text", "c");
                    }
                })),
                Arguments.of("action elements", 25, (Limit) n -> blocks(b -> {
                    ArrayNode elements = b.addObject().put("type", "actions").putArray("elements");
                    for (int i = 0; i < n; i++) {
                        elements.add(button("b", "v"));
                    }
                })),
                Arguments.of("button text", 75, (Limit) n -> actions(button("t".repeat(n), "v"))),
                Arguments.of("button value", 2_000, (Limit) n -> actions(button("t", "v".repeat(n)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void blocks_atTheLimit_areAccepted_andOneOver_isInvalidBlocks(String name, int limit, Limit blocks)
            throws Exception {
        assertThat(post(blocks.json(limit))).as(name + " at " + limit).isNull();
        assertThat(post(blocks.json(limit + 1))).as(name + " at " + (limit + 1)).isEqualTo("invalid_blocks");
    }

    @Test
    void text_over40000Chars_isMsgTooLong() throws Exception {
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("t".repeat(40_000))).isOk()).isTrue();
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("t".repeat(40_001))).getError())
                .isEqualTo("msg_too_long");
    }

    @Test
    void mrkdwnInAHeader_orAnUnknownBlockType_isInvalidBlocks() throws Exception {
        assertThat(post("[{\"type\":\"header\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]"))
                .isEqualTo("invalid_blocks");
        assertThat(post("[{\"type\":\"nonsense\"}]")).isEqualTo("invalid_blocks");
        assertThat(post("not json")).isEqualTo("invalid_blocks");
    }

    @Test
    void channels_theBotIsNotIn_areRefused_butAUserIdIsADirectMessage() throws Exception {
        slack.addChannel("C-other");

        assertThat(methods.chatPostMessage(r -> r.channel("C-unknown").text("x")).getError())
                .isEqualTo("channel_not_found");
        assertThat(methods.chatPostMessage(r -> r.channel("C-other").text("x")).getError())
                .isEqualTo("not_in_channel");
        assertThat(methods.chatPostEphemeral(r -> r.channel("C-other").user("U1").text("x")).getError())
                .isEqualTo("not_in_channel");
        assertThat(methods.chatPostMessage(r -> r.channel("U0SOMEONE").text("x")).isOk()).isTrue();
        slack.leave("C1");
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("x")).getError()).isEqualTo("not_in_channel");
    }

    @Test
    void conversationsOpen_needsAUser_andOpensTheSameDirectMessageEachTime() throws Exception {
        assertThat(methods.conversationsOpen(r -> r.users(List.of("C1"))).getError()).isEqualTo("user_not_found");
        assertThat(methods.conversationsOpen(r -> r.users(List.of("nobody"))).getError()).isEqualTo("user_not_found");
        assertThat(methods.conversationsOpen(r -> r).getError()).isEqualTo("users_list_not_supplied");

        ConversationsOpenResponse opened = methods.conversationsOpen(r -> r.users(List.of("U0SOMEONE")));
        ConversationsOpenResponse again = methods.conversationsOpen(r -> r.users(List.of("U0SOMEONE")));

        assertThat(opened.isOk()).isTrue();
        assertThat(opened.getChannel().getId()).startsWith("D").isEqualTo(again.getChannel().getId());
        assertThat(again.isAlreadyOpen()).isTrue();
        assertThat(methods.conversationsInfo(r -> r.channel(opened.getChannel().getId())).getChannel().isIm()).isTrue();
    }

    @Test
    void files_areSharedInADirectMessageByItsId_neverByAUserId_norWhereTheBotIsNotIn() throws Exception {
        slack.addChannel("C-other");
        String dm = methods.conversationsOpen(r -> r.users(List.of("U0SOMEONE"))).getChannel().getId();

        assertThat(share("U0SOMEONE")).isEqualTo("invalid_arguments");
        assertThat(share("C-other")).isEqualTo("not_in_channel");
        assertThat(share(dm)).isNull();
        assertThat(slack.filesIn("U0SOMEONE")).isEmpty();
        assertThat(slack.filesIn(dm)).singleElement().satisfies(id -> assertThat(slack.file(id)).isEqualTo(PNG));
    }

    @Test
    void responseUrl_withInvalidBlocks_isRefusedWith400() throws Exception {
        String body = "{\"text\":\"x\",\"blocks\":" + blocks(b -> b.add(section("s".repeat(3_001)))) + "}";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(slack.responseUrl("r1"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_blocks");
        assertThat(slack.calls("response")).singleElement().satisfies(c -> assertThat(c.ok()).isFalse());
    }

    @Test
    void down_answers503_untilUp() throws Exception {
        slack.down(true);

        assertThatThrownBy(() -> methods.chatPostMessage(r -> r.channel("C1").text("x")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(503));
        slack.down(false);
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("x")).isOk()).isTrue();
    }

    @Test
    void latency_delaysEveryAnswer() throws Exception {
        slack.latency(Duration.ofMillis(300));

        long start = System.nanoTime();
        methods.chatPostMessage(r -> r.channel("C1").text("x"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    /** Uploads {@link #PNG} as Slack asks and shares it in {@code channel}: the error answered, or null. */
    private String share(String channel) throws Exception {
        FilesGetUploadURLExternalResponse url = methods.filesGetUploadURLExternal(r -> r.filename("x.png")
                .length(PNG.length));
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(PNG)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        return methods.filesCompleteUploadExternal(r -> r.channelId(channel).files(List.of(
                FilesCompleteUploadExternalRequest.FileDetails.builder().id(url.getFileId()).title("x").build())))
                .getError();
    }

    /** A message's blocks, with a limit's value plugged in. */
    interface Limit {
        String json(int n);
    }

    /** The error FakeSlack answered a post of these blocks with, or null when it took it. */
    private String post(String blocksJson) throws Exception {
        return methods.chatPostMessage(r -> r.channel("C1").text("fallback").blocksAsString(blocksJson)).getError();
    }

    private static String blocks(Consumer<ArrayNode> fill) {
        ArrayNode blocks = JSON.createArrayNode();
        fill.accept(blocks);
        return blocks.toString();
    }

    private static String actions(ObjectNode button) {
        return blocks(b -> b.addObject().put("type", "actions").putArray("elements").add(button));
    }

    private static ObjectNode section(String text) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", text);
        return section;
    }

    private static ObjectNode fields(int count, int length) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        ArrayNode fields = section.putArray("fields");
        for (int i = 0; i < count; i++) {
            fields.addObject().put("type", "mrkdwn").put("text", "f".repeat(length));
        }
        return section;
    }

    private static ObjectNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text);
    }

    private static ObjectNode button(String text, String value) {
        ObjectNode button = JSON.createObjectNode().put("type", "button").put("action_id", "a").put("value", value);
        button.set("text", plain(text));
        return button;
    }
}
