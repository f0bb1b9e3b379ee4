package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.training.TrainingCurve;
import dev.mstudio.training.TrainingLogParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fine-tune's loss chart: drawn as a PNG, uploaded into a thread the way Slack takes files. */
class ChartUploadTest {
    private final FakeSlack slack = FakeSlack.start(0).join("C1");
    private final Slack sdk = SlackWebApi.connect(slack.apiUrl());
    private final MethodsSender sender = new MethodsSender(sdk.methods("xoxb-test"));

    @AfterEach
    void close() throws Exception {
        sdk.close();
        slack.close();
    }

    private static TrainingCurve curve() {
        List<String> lines = new ArrayList<>();
        for (int step = 1; step <= 200; step++) {
            lines.add(String.format(Locale.ROOT, "{'train_loss': %.4f, 'step': %d}", 0.5 + 1.0 / step, step));
            if (step % 50 == 0) {
                lines.add(String.format(Locale.ROOT, "{'eval_loss': %.4f, 'step': %d}", 0.55 + 1.0 / step, step));
            }
        }
        return TrainingLogParser.parse(lines);
    }

    @Test
    void render_drawsAPngOfTheDeclaredSize_andNothingForACurveWithoutLoss() throws Exception {
        byte[] png = ChartPng.render("Training loss of fine-tune job ft-1", curve());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ChartPng.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartPng.HEIGHT);
        assertThat(ChartPng.render("empty", TrainingLogParser.parse(List.of("Job queued.")))).isNull();
    }

    @Test
    void upload_getsAnUrl_sendsTheBytes_andSharesTheFileInTheThread(@TempDir Path saved) throws Exception {
        slack.saveFilesTo(saved);
        byte[] png = ChartPng.render("Training loss of fine-tune job ft-1", curve());

        SendResult result = sender.upload("C1", "1700000000.000100", "loss-ft-1.png", "Training loss", png);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.OK);
        assertThat(slack.calls()).extracting(c -> c.method())
                .containsSubsequence("files.getUploadURLExternal", "files.completeUploadExternal");
        assertThat(slack.filesIn("C1")).singleElement().satisfies(id -> {
            assertThat(slack.file(id)).isEqualTo(png);
            assertThat(saved.resolve(id + ".png")).exists();
        });
        assertThat(slack.calls("files.completeUploadExternal").get(0).body().path("thread_ts").asText())
                .isEqualTo("1700000000.000100");
        assertThat(Files.size(saved.resolve(slack.filesIn("C1").get(0) + ".png"))).isEqualTo(png.length);
    }

    @Test
    void upload_toAUserId_opensTheirDirectMessageFirst_andSharesTheFileThere() {
        byte[] png = ChartPng.render("Training loss of fine-tune job ft-1", curve());

        SendResult result = sender.upload("U0WATCHER", null, "loss-ft-1.png", "Training loss", png);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.OK);
        assertThat(slack.calls()).extracting(c -> c.method()).containsSubsequence("conversations.open",
                "files.getUploadURLExternal", "files.completeUploadExternal");
        assertThat(slack.calls("conversations.open")).singleElement()
                .satisfies(call -> assertThat(call.param("users")).isEqualTo("U0WATCHER"));
        assertThat(slack.filesIn("D0WATCHER")).singleElement().satisfies(id -> assertThat(slack.file(id)).isEqualTo(png));
    }

    @Test
    void chartUploads_sayWhyAnImageIsMissing_andHowToFixIt_inOneSentence() {
        slack.failNext("conversations.open", 1, "missing_scope");
        ChartUploads charts = new ChartUploads(sender);

        assertThat(charts.upload("U0NOSCOPE", "ft-1", "Training loss", curve())).contains(
                "the mstudio app lacks the `im:write` scope (add it under OAuth & Permissions at api.slack.com/apps, "
                        + "then reinstall the app).");
        assertThat(charts.upload("C1", "ft-1", "t", TrainingLogParser.parse(List.of("{'train_loss': nan, 'step': 1}"))))
                .contains("the log has no finite loss value to draw.");
        assertThat(ChartUploads.why(SendResult.rateLimited(java.time.Duration.ofSeconds(30))))
                .isEqualTo("Slack is rate-limiting me (ask again in 30 s).");
        assertThat(ChartUploads.why(SendResult.transientFailure("SocketTimeoutException: timeout")))
                .isEqualTo("the upload did not reach Slack (ask again in a minute).");
        assertThat(ChartUploads.why(SendResult.slackError("user_not_found"))).contains("`--in-channel`");
        assertThat(ChartUploads.why(SendResult.slackError("invalid_auth"))).contains("SLACK_BOT_TOKEN");
        assertThat(slack.calls()).extracting(c -> c.method()).containsExactly("conversations.open");
    }

    @Test
    void upload_toAChannelTheBotIsNotIn_isRefusedLikeSlack() {
        slack.addChannel("C-outside");

        SendResult result = sender.upload("C-outside", null, "x.png", "x", ChartPng.render("x", curve()));

        assertThat(result.error()).isEqualTo("not_in_channel");
        assertThat(slack.filesIn("C-outside")).isEmpty();
    }
}
