package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = new Messages(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void reply_failedFineTune_carriesCodeAndMessage_isBroadcast_andMentionsWhoWatched() {
        Payload reply = messages.reply(fineTune("FAILED", "InvalidDataset", "line 3: missing \"messages\""), "U0ANA");

        assertThat(reply.broadcast()).isTrue();
        assertThat(reply.text()).contains("Fine-tune job ft-202410291653-1c7f FAILED",
                "code: InvalidDataset", "message: line 3: missing");
        assertThat(reply.blocks().toString()).contains("<@U0ANA>");
        assertThat(reply.line()).doesNotContain("<@U0ANA>");
    }

    @Test
    void reply_withTheLogsTail_showsItAsCode_escapedAndClipped() {
        Payload reply = messages.reply(fineTune("FAILED", "InvalidDataset", "bad"), "U0ANA",
                List.of("step 10 loss nan", "ERROR <fatal> ```x``` " + "y".repeat(1_000)));

        String blocks = reply.blocks().toString();
        assertThat(blocks).contains("Last log lines:").contains("step 10 loss nan").contains("&lt;fatal&gt;")
                .doesNotContain("<fatal>").doesNotContain("```x```");
        assertThat(blocks).doesNotContain("y".repeat(Messages.MAX_TAIL_LINE));
    }

    @Test
    void reply_ofASucceededFineTune_namesItsBestCheckpoint() {
        Payload reply = messages.reply(fineTune("SUCCEEDED", null, null), "U0ANA",
                List.of(TrainingDetails.BEST + "checkpoint-363 (validation loss 0.6466 at step 363)"));

        assertThat(reply.blocks().toString()).contains(":trophy: Best checkpoint: checkpoint-363 (validation loss 0.6466")
                .doesNotContain("Last log lines");
        assertThat(reply.broadcast()).isFalse();
    }

    @Test
    void reply_success_isNotBroadcast_andMentionsNobody() {
        Payload reply = messages.reply(imported("SUCCESSED", null), "U0ANA");

        assertThat(reply.text()).doesNotContain("<@");
        assertThat(reply.broadcast()).isFalse();
        assertThat(reply.text()).contains(":white_check_mark:", "Import job imp-1 SUCCESSED", "model qwen-custom");
    }

    @Test
    void watchMessage_hasBlocksNamesTheWatcherAndEscapesText() {
        Payload message = messages.watchMessage(imported("FAILED", "Bad<Weights>&Co"), "U123");

        assertThat(message.text()).contains("Import job imp-1 is FAILED", "error_code: Bad&lt;Weights&gt;&amp;Co")
                .doesNotContain("<Weights>");
        assertThat(message.blocksJson()).contains("Watching for <@U123>", "2024-06-01 12:00 UTC",
                "Bad&lt;Weights&gt;&amp;Co");
    }

    @Test
    void digest_ofABurstWhoseLinesPass3000Chars_splitsThemIntoSections_andListsEveryJob() {
        List<Payload> notices = IntStream.range(0, 45)
                .mapToObj(i -> messages.notice(fineTune("FAILED", "E" + i + "_", "bad <row> & " + "x".repeat(480))))
                .toList();

        Digest digest = messages.digest(notices);

        assertThat(digest.count()).isEqualTo(45);
        assertThat(digest.payload().text()).startsWith("45 jobs finished:").contains("E0_", "E44_")
                .doesNotContain("<row>").hasSizeLessThanOrEqualTo(40_000);
        JsonNode blocks = digest.payload().blocks();
        assertThat(blocks.size()).isGreaterThan(2).isLessThanOrEqualTo(50);
        blocks.forEach(b -> assertThat(b.path("text").path("text").asText()).hasSizeLessThanOrEqualTo(3_000));
        String all = blocks.toString();
        IntStream.range(0, 45).forEach(i -> assertThat(all).contains("E" + i + "_"));
        assertThat(digest.payload().broadcast()).isFalse();
    }

    @Test
    void digest_ofMoreThanOneMessageHolds_standsForAPrefix_andTheRestFollowWithoutLoss() {
        List<Payload> notices = IntStream.range(0, 300)
                .mapToObj(i -> messages.notice(fineTune("FAILED", "E" + i + "_", "y".repeat(490)))).toList();
        List<Payload> left = notices;
        StringBuilder sent = new StringBuilder();
        int messagesSent = 0;

        while (!left.isEmpty()) {
            Digest digest = messages.digest(left);
            assertThat(digest.payload().text()).hasSizeLessThanOrEqualTo(40_000);
            assertThat(digest.payload().blocks().size()).isLessThanOrEqualTo(50);
            sent.append(digest.payload().blocks());
            left = left.subList(digest.count(), left.size());
            messagesSent++;
        }

        assertThat(messagesSent).isGreaterThan(1);
        IntStream.range(0, 300).forEach(i -> assertThat(sent.toString()).contains("code: E" + i + "_"));
    }

    private static ImportJob imported(String status, String errorCode) {
        return new ImportJob("imp-1", "qwen-custom", "my import", status, "OSS", null, null, errorCode,
                "2024-01-01T12:00:00.000+00:00", null);
    }

    private static FineTuneJob fineTune(String status, String code, String message) {
        return new FineTuneJob("ft-202410291653-1c7f", "job", status, null, "qwen-plus", "qwen-plus", List.of("f1"),
                List.of(), null, "sft", "2024-10-29 16:53:53", null, null, null, null, null, null, null, code, message,
                null);
    }
}
