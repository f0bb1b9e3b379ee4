package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /mstudio finetune metrics ID} over the wire: a signed slash command to the bot, the loss
 * chart's PNG uploaded through FakeSlack the way Slack takes files (into the asker's direct message,
 * or into the channel with {@code --in-channel}), and the text summary at the response_url, which
 * says where the image went or, when it could not go, why and how to fix that.
 */
class MetricsChartTest {
    /** The size the completion thread's chart has too (ChartPng). */
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static BotFixture fixture;
    private static String job;

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.start(Duration.ofSeconds(20));
        job = fixture.client.listFineTunes(new FineTuneQuery(1, 100, null, null)).items().stream()
                .filter(j -> j.status().equals("SUCCEEDED")).map(FineTuneJob::id).findFirst().orElseThrow();
    }

    @AfterEach
    void clearFaults() {
        fixture.slack.clearFaults();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void metrics_ephemeral_sendsThePngToTheAskersDirectMessage_andSaysSoUnderTheSummary() throws Exception {
        SlackCall reply = reply(fixture.slash("U0DMCHART", "finetune metrics " + job));

        String text = BotFixture.allText(reply.body());
        assertThat(reply.body().path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(text).contains("Training loss of fine-tune job " + job).contains("last train loss ")
                .contains("best validation loss ").contains("Loss chart sent to you in a direct message.")
                .doesNotContain("No chart image");
        SlackCall opened = only("conversations.open", call -> call.param("users").equals("U0DMCHART"));
        String dm = "D0DMCHART";
        assertThat(opened.ok()).isTrue();
        SlackCall shared = only("files.completeUploadExternal", call -> call.param("channel_id").equals(dm));
        assertThat(shared.body().path("files").get(0).path("title").asText())
                .isEqualTo("Training loss of fine-tune job " + job);
        assertThat(fixture.slack.calls()).as("the DM is opened and the file shared before the reply is sent")
                .containsSubsequence(opened, shared, reply);
        assertPng(fixture.slack.filesIn(dm));
        assertThat(fixture.slack.filesIn("U0DMCHART")).isEmpty();
    }

    @Test
    void metrics_inChannel_sharesThePngInTheChannel_besideTheSharedSummary() throws Exception {
        List<String> before = fixture.slack.filesIn(CHANNEL);

        SlackCall reply = reply(fixture.slash("U0CHANNELCHART", "finetune metrics " + job + " --in-channel"));

        assertThat(reply.body().path("response_type").asText()).isEqualTo("in_channel");
        assertThat(BotFixture.allText(reply.body())).contains("last train loss ")
                .contains("Loss chart shared in this channel.");
        SlackCall shared = only("files.completeUploadExternal", call -> call.param("channel_id").equals(CHANNEL));
        assertThat(shared.threadTs()).as("a response_url reply has no ts to thread under").isNull();
        assertThat(fixture.slack.calls("conversations.open")).noneMatch(c -> c.param("users").equals("U0CHANNELCHART"));
        assertPng(fixture.slack.filesIn(CHANNEL).stream().filter(id -> !before.contains(id)).toList());
    }

    @ParameterizedTest(name = "{0} refused")
    @CsvSource({"conversations.open, im:write", "files.getUploadURLExternal, files:write",
            "files.completeUploadExternal, files:write"})
    void metrics_whenAScopeIsMissing_stillRepliesWithTheSummary_andNamesTheScopeInOneLine(String method,
            String scope) throws Exception {
        String user = "U0SCOPE" + method.length();
        fixture.slack.failNext(method, 1, "missing_scope");

        SlackCall reply = reply(fixture.slash(user, "finetune metrics " + job));

        String line = missingImageLine(reply.body());
        assertThat(line).isEqualTo(":warning: No chart image: the mstudio app lacks the `" + scope + "` scope (add it "
                + "under OAuth & Permissions at api.slack.com/apps, then reinstall the app).");
        assertThat(BotFixture.allText(reply.body())).contains("last train loss ").doesNotContain("Exception")
                .doesNotContain("direct message.");
        assertThat(fixture.slack.filesIn("D" + user.substring(1))).isEmpty();
    }

    @Test
    void metrics_inChannel_whereTheBotIsNotInvited_stillRepliesWithTheSummary_andSaysToInviteIt() throws Exception {
        fixture.slack.addChannel("C0NOBOT");

        SlackCall reply = reply(fixture.slashIn("C0NOBOT", "U0OUTSIDE", "finetune metrics " + job + " --in-channel"));

        assertThat(reply.body().path("response_type").asText()).isEqualTo("in_channel");
        assertThat(missingImageLine(reply.body()))
                .isEqualTo(":warning: No chart image: I am not in this channel (type `/invite @mstudio`, then ask again).");
        assertThat(BotFixture.allText(reply.body())).contains("last train loss ");
        assertThat(only("files.completeUploadExternal", call -> call.param("channel_id").equals("C0NOBOT")).error())
                .isEqualTo("not_in_channel");
        assertThat(fixture.slack.filesIn("C0NOBOT")).isEmpty();
    }

    /** The reply at this request's own response_url, polled for. */
    private static SlackCall reply(BotFixture.Sent sent) {
        return Awaitility.await("the reply").atMost(BotFixture.WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> sent.replies().stream().filter(call -> BotFixture.allText(call.body())
                        .contains("Training loss")).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** The one call of {@code method} that {@code match} accepts. */
    private static SlackCall only(String method, Predicate<SlackCall> match) {
        List<SlackCall> calls = fixture.slack.calls(method).stream().filter(match).toList();
        assertThat(calls).as(method).hasSize(1);
        return calls.get(0);
    }

    /** The reply's one text about the missing image: a single line. */
    private static String missingImageLine(JsonNode reply) {
        List<String> lines = BotFixture.texts(reply).stream().filter(text -> text.contains("No chart image")).toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line).doesNotContain("\n"));
        return lines.get(0);
    }

    /** The one file among {@code ids} is a PNG of the chart's size. */
    private static void assertPng(List<String> ids) throws Exception {
        assertThat(ids).hasSize(1);
        byte[] bytes = fixture.slack.file(ids.get(0));
        assertThat(bytes).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
    }
}
