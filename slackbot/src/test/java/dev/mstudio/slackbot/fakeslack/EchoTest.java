package dev.mstudio.slackbot.fakeslack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code ./mstudio bot --sandbox} prints for each call FakeSlack receives. */
class EchoTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String TOKEN = "xoxb-1111-2222-secretEchoToken";
    private static final String JOB = "ft-202410291653-1c7f";

    @Test
    void echo_postMessageWithBlocks_showsHeaderFieldsContextAndEachButtonsActionIdAndValue() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeSlack slack = FakeSlack.start(0, print(out)).join("C1"); Slack sdk = sdk(slack)) {
            sdk.methods(TOKEN).chatPostMessage(r -> r.channel("C1").text("fallback text").blocks(jobDetail()));
            slack.awaitCall("chat.postMessage", null, TIMEOUT);
        }

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).containsPattern("\\] chat.postMessage #C1 ts=\\d{10}\\.\\d{6}");
        assertThat(lines).contains(
                "  == Fine-tune job " + JOB + " ==",
                "  job_id: `" + JOB + "`   status: :hourglass_flowing_sand: RUNNING",
                "  model: qwen-turbo" + " ".repeat(("job_id: `" + JOB + "`").length() - "model: qwen-turbo".length())
                        + "   created: 2024-10-29 16:53 UTC",
                "  (only admins may cancel & delete)",
                "  ---",
                "  [Refresh] action_id=mstudio_run_refresh value='finetune " + JOB + "'",
                "  [Cancel job] action_id=mstudio_confirmed_cancel value='finetune cancel " + JOB
                        + " --yes' confirm='Are you sure?'");
        assertThat(lines).noneMatch(line -> line.contains("fallback text"));
    }

    @Test
    void echo_responseUrlPost_recordsItsIdAndShowsResponseTypeAndReplaceOriginal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeSlack slack = FakeSlack.start(0, print(out))) {
            String json = "{\"response_type\":\"in_channel\",\"replace_original\":true,\"text\":\"x\",\"blocks\":"
                    + "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Deleted* `imp-1`\"}}]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(slack.responseUrl("cmd-7")))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();

            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(slack.awaitCall("response", null, TIMEOUT).responseId()).isEqualTo("cmd-7");
        }

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).endsWith("] response cmd-7 response_type=in_channel replace_original");
        assertThat(lines).containsExactly(lines.get(0), "  Deleted `imp-1`");
        assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
    }

    @Test
    void echo_neverPrintsTokens_sentAsHeaderAsParameterOrInsideTheText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeSlack slack = FakeSlack.start(0, print(out)).join("C1"); Slack sdk = sdk(slack)) {
            sdk.methods(TOKEN).chatPostMessage(r -> r.channel("C1").text("header token"));
            sdk.methods().chatPostMessage(r -> r.token(TOKEN).channel("C1").text("parameter token"));
            sdk.methods(TOKEN).chatPostMessage(r -> r.channel("C1").text("pasted " + TOKEN + " by mistake"));
            slack.awaitCall("chat.postMessage", c -> c.text().startsWith("pasted"), TIMEOUT);
        }

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("header token", "parameter token", "pasted [token] by mistake")
                .doesNotContain(TOKEN).doesNotContain("secretEchoToken");
    }

    @Test
    void render_failedCallInAThread_showsThreadBroadcastAndTheError() throws Exception {
        SlackCall call = new SlackCall(Instant.parse("2024-10-29T16:53:07Z"), "chat.postMessage", "C2", null,
                "1700000000.000001", "done", Params.JSON.readTree("{\"reply_broadcast\":\"true\",\"text\":\"done\"}"),
                "ratelimited", null);

        assertThat(Echo.render(call)).isEqualTo("[fake-slack 16:53:07] chat.postMessage #C2 "
                + "thread_ts=1700000000.000001 reply_broadcast -> ratelimited\n  done");
    }

    @Test
    void render_longMessage_isCutToMaxLines() throws Exception {
        String text = "row\n".repeat(Echo.MAX_LINES + 5);
        SlackCall call = new SlackCall(Instant.EPOCH, "chat.update", "C1", "1.2", null, text,
                Params.JSON.createObjectNode(), null, null);

        List<String> lines = Echo.render(call).lines().toList();

        assertThat(lines).hasSize(Echo.MAX_LINES + 2).endsWith("  … 5 more lines");
    }

    /** A fine-tune job's detail, built as the bot's DetailBlocks builds it. */
    private static List<LayoutBlock> jobDetail() {
        ButtonElement refresh = ButtonElement.builder().text(plain("Refresh")).actionId("mstudio_run_refresh")
                .value("finetune " + JOB).build();
        ConfirmationDialogObject confirm = ConfirmationDialogObject.builder().title(plain("Are you sure?"))
                .text(markdown("Cancel fine-tune job `" + JOB + "`?")).confirm(plain("Cancel job"))
                .deny(plain("Keep it")).build();
        ButtonElement cancel = ButtonElement.builder().text(plain("Cancel job")).actionId("mstudio_confirmed_cancel")
                .value("finetune cancel " + JOB + " --yes").style("danger").confirm(confirm).build();
        return List.of(
                HeaderBlock.builder().text(plain("Fine-tune job " + JOB)).build(),
                SectionBlock.builder().fields(List.of(markdown("*job_id*\n`" + JOB + "`"),
                        markdown("*status*\n:hourglass_flowing_sand: RUNNING"), markdown("*model*\nqwen-turbo"),
                        markdown("*created*\n<!date^1730220780^{date_short_pretty} {time}|2024-10-29 16:53 UTC>")))
                        .build(),
                ContextBlock.builder().elements(List.of(markdown("_only admins_ may cancel &amp; delete"))).build(),
                DividerBlock.builder().build(),
                ActionsBlock.builder().elements(List.of(refresh, cancel)).build());
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    private static Slack sdk(FakeSlack slack) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        return Slack.getInstance(config);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
