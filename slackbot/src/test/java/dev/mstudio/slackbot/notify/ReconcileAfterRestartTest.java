package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ImportJob;
import dev.mstudio.client.JobKind;
import dev.mstudio.watch.TestScheduler;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post made while the bot stopped before learning its outcome: after the restart, the bot looks
 * for the message (its metadata names the outbox entry) and adopts it, instead of posting again.
 */
class ReconcileAfterRestartTest {
    private final TestScheduler delivery = new TestScheduler();
    private NotifyFixture f;

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void postWhoseAnswerWasLost_beforeTheBotStopped_isAdoptedAfterTheRestart(@TempDir Path dir) throws Exception {
        f = NotifyFixture.start("jdbc:sqlite:" + dir.resolve("bot.db"),
                b -> b.clock(delivery.clock()).scheduler(delivery).executor(Runnable::run));
        ImportJob job = f.seedImports(1).get(0);
        f.slack.loseNextAnswers("chat.postMessage", 1);
        f.notifier.watch("C1", JobKind.IMPORT, job.jobId(), "U1");
        delivery.runDue();
        assertThat(f.slack.calls("chat.postMessage")).singleElement()
                .satisfies(c -> assertThat(c.error()).isEqualTo("answer_lost"));

        f.stopBot();
        f.startBot();
        delivery.advance(Duration.ofSeconds(3));

        assertThat(f.slack.calls("chat.postMessage")).as("posted once in all").hasSize(1);
        assertThat(f.slack.calls("conversations.history")).isNotEmpty();
        assertThat(f.pending()).isZero();
        assertThat(f.notifier.health().dropped()).isZero();
    }
}
