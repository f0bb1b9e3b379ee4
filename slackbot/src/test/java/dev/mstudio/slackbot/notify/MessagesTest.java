package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = new Messages(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void reply_failedFineTune_carriesCodeAndMessage_andIsBroadcast() {
        Payload reply = messages.reply(fineTune("FAILED", "InvalidDataset", "line 3: missing \"messages\""));

        assertThat(reply.broadcast()).isTrue();
        assertThat(reply.text()).contains("Fine-tune job ft-202410291653-1c7f FAILED", "code: InvalidDataset",
                "message: line 3: missing");
    }

    @Test
    void reply_success_isNotBroadcast() {
        Payload reply = messages.reply(imported("SUCCESSED", null));

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
    void digest_listsEveryLine_upToALimit() {
        List<Payload> notices = java.util.stream.IntStream.range(0, 45)
                .mapToObj(i -> messages.notice(imported("FAILED", "E" + i))).toList();

        Payload digest = messages.digest(notices);

        assertThat(digest.text()).startsWith("45 jobs finished:").contains("E0", "E39", "…and 5 more")
                .doesNotContain("E40");
        assertThat(digest.broadcast()).isFalse();
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
