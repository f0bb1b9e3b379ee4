package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A message Slack refuses for its form is sent as plain text, then split: never dropped. */
class FallbackSenderTest {
    private FakeSlack slack;
    private Slack sdk;
    private SlackSender sender;

    @BeforeEach
    void start() {
        slack = FakeSlack.start(0).join("C1");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        sdk = Slack.getInstance(config);
        sender = new FallbackSender(new MethodsSender(sdk.methods("xoxb-test")));
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
        slack.close();
    }

    @Test
    void post_refusedAsInvalidBlocks_isSentAsPlainText() {
        Payload payload = new Payload("every job listed", oversizedSection(), false, null);

        SendResult result = sender.post("C1", null, false, payload);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.OK);
        assertThat(slack.calls("chat.postMessage")).extracting(SlackCall::error).containsExactly("invalid_blocks", null);
        SlackCall plain = slack.calls("chat.postMessage").get(1);
        assertThat(plain.text()).isEqualTo("every job listed");
        assertThat(plain.body().has("blocks")).isFalse();
        assertThat(result.ts()).isEqualTo(plain.ts());
    }

    @Test
    void post_textOver40000Chars_isSplitIntoSeveralMessages_losingNothing() {
        String text = IntStream.range(0, 1_000).mapToObj(i -> "line " + i + " " + "x".repeat(60))
                .collect(Collectors.joining("\n"));
        Payload payload = new Payload(text, null, false, null);

        SendResult result = sender.post("C1", null, false, payload);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.OK);
        var accepted = slack.calls("chat.postMessage").stream().filter(SlackCall::ok).toList();
        assertThat(accepted).hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(c.text()).hasSizeLessThanOrEqualTo(40_000));
        assertThat(accepted.stream().map(SlackCall::text).collect(Collectors.joining("\n"))).isEqualTo(text);
        assertThat(result.ts()).isEqualTo(accepted.get(0).ts());
    }

    @Test
    void update_refusedAsInvalidBlocks_updatesWithPlainText() {
        String ts = sender.post("C1", null, false, new Payload("v1", null, false, null)).ts();

        SendResult result = sender.update("C1", ts, new Payload("v2", oversizedSection(), false, null));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.OK);
        assertThat(slack.calls("chat.update")).extracting(SlackCall::error).containsExactly("invalid_blocks", null);
        assertThat(slack.calls("chat.update").get(1).text()).isEqualTo("v2");
    }

    @Test
    void post_otherPermanentErrors_areNotRetried() {
        SendResult result = sender.post("C-unknown", null, false, new Payload("x", oversizedSection(), false, null));

        assertThat(result.error()).isEqualTo("channel_not_found");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    private static JsonNode oversizedSection() {
        var blocks = Payload.JSON.createArrayNode();
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", "s".repeat(3_001));
        return blocks;
    }
}
