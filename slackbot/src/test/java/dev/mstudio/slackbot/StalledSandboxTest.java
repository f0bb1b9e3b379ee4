package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With DashScope stalling, the acknowledgement still comes back before anything the command does
 * (it never waits for the API), and the user is told when the command runs past the bot's limit.
 */
class StalledSandboxTest {
    private static BotFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.start(Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @AfterEach
    void noFaults() {
        fixture.sandbox.faults(Faults.NONE);
    }

    @Test
    void slashCommand_whileTheApiStalls_isAcknowledgedBeforeTheApiAnswers() throws Exception {
        fixture.sandbox.faults(new Faults(0, 0.0, 0.0, 8_000));

        BotFixture.Sent sent = fixture.slash(USER, "imports --status RUNNING");

        assertThat(sent.ack.statusCode()).isEqualTo(200);
        assertThat(sent.replies()).isEmpty();
        SlackCall reply = sent.awaitReply(text -> text.contains("did not finish"));
        assertThat(BotFixture.allText(reply.body())).contains("`imports --status RUNNING` did not finish within 1 s");
    }

    @Test
    void slashCommand_whenTheApiRecovers_answersNormally() throws Exception {
        SlackCall reply = fixture.slash(USER, "finetunes").awaitReply(text -> text.contains("Fine-tune jobs"));

        assertThat(reply.body().path("blocks").size()).isGreaterThan(1);
    }
}
