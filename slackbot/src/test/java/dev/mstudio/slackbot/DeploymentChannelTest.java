package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.CHANNEL;
import static dev.mstudio.slackbot.BotFixture.USER;
import static dev.mstudio.slackbot.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deployments in a channel, through signed slash commands, the bot's store and FakeSlack: a watched
 * deployment's message follows it to RUNNING, and a subscription hears of one that fails. The
 * sandbox's clock stands still, so a deployment moves only when a test forces it.
 */
class DeploymentChannelTest {
    private static final String LIST = "GET /api/v1/deployments";
    private BotFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = BotFixture.start(Duration.ofSeconds(20), "jdbc:sqlite::memory:",
                bot -> bot.pollInterval(Duration.ofMillis(100)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void watch_deployedModel_postsAMessage_updatesIt_andRepliesInItsThreadWhenRunning() throws Exception {
        String id = deploy("slack");

        SlackCall answer = fixture.slash(USER, "watch " + id).awaitReply(text -> text.contains(id));
        SlackCall post = fixture.slack.awaitCall("chat.postMessage",
                call -> call.ok() && CHANNEL.equals(call.channel()) && call.text().contains(id), WAIT);
        fixture.sandbox.forceStatus(id, "DEPLOYING");
        SlackCall deploying = fixture.slack.awaitCall("chat.update",
                call -> call.ok() && post.ts().equals(call.ts()) && call.text().contains("DEPLOYING"), WAIT);
        fixture.sandbox.forceStatus(id, "RUNNING");
        SlackCall running = fixture.slack.awaitCall("chat.update",
                call -> call.ok() && post.ts().equals(call.ts()) && call.text().contains("RUNNING"), WAIT);
        SlackCall reply = fixture.slack.awaitCall("chat.postMessage",
                call -> call.ok() && post.ts().equals(call.threadTs()), WAIT);

        assertThat(BotFixture.allText(answer.body())).contains("Watching deployment " + id
                + " (PENDING, model qwen3-14b): a message here follows it until it settles");
        assertThat(post.text()).startsWith("Deployment " + id + " is PENDING (model qwen3-14b)");
        assertThat(deploying.text()).startsWith("Deployment " + id + " is DEPLOYING");
        assertThat(running.body().path("blocks").toString()).contains(":white_check_mark:").contains("RUNNING");
        assertThat(reply.text()).isEqualTo(":white_check_mark: Deployment " + id + " RUNNING (model qwen3-14b)");
        assertThat(reply.flag("reply_broadcast")).as("only a failure is broadcast").isFalse();
        SlackCall listed = fixture.slash(USER, "subscriptions").awaitReply(text -> text.contains("no subscriptions"));
        assertThat(listed.ok()).as("the watch ended with RUNNING").isTrue();
    }

    @Test
    void deploymentTableAndDetail_showARunningDeploymentAsServing_notInProgress() throws Exception {
        String serving = deploy("serving");
        String stopped = deploy("stopped");
        fixture.sandbox.forceStatus(serving, "RUNNING");
        fixture.sandbox.forceStatus(stopped, "STOPPED");

        SlackCall table = fixture.slash(USER, "deployments").awaitReply(text -> text.contains(serving));
        SlackCall detail = fixture.slash(USER, "deployment " + serving).awaitReply(text -> text.contains(serving));

        String listed = BotFixture.allText(table.body());
        assertThat(listed).contains(":large_green_circle: RUNNING", ":black_square_for_stop: STOPPED")
                .doesNotContain(":hourglass_flowing_sand: RUNNING");
        assertThat(BotFixture.allText(detail.body())).contains(":large_green_circle: RUNNING");
    }

    @Test
    void subscribeDeployments_onlyFailures_tellsTheChannelWhenOneFails() throws Exception {
        String fine = deploy("fine");
        String broken = deploy("broken");
        long listsBefore = fixture.sandbox.stats().count(LIST);

        SlackCall refused = fixture.slash(USER, "watch --deployments").awaitReply(text -> text.contains(":x:"));
        SlackCall answer = fixture.slash(USER, "subscribe deployments --only failures")
                .awaitReply(text -> text.contains("hears"));
        // two walks of the list: the first one, which saw both PENDING, is done with
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> fixture.sandbox.stats().count(LIST) >= listsBefore + 2);
        fixture.sandbox.forceStatus(fine, "RUNNING");
        fixture.sandbox.forceStatus(broken, "FAILED");
        SlackCall notice = fixture.slack.awaitCall("chat.postMessage",
                call -> call.ok() && CHANNEL.equals(call.channel()) && call.text().contains(broken), WAIT);

        assertThat(BotFixture.allText(refused.body())).as("in a channel every deployment is followed with subscribe")
                .contains("subscribe imports|finetunes|deployments");
        assertThat(BotFixture.allText(answer.body())).contains("This channel hears when any deployment settles"
                + " (failures only)");
        assertThat(notice.text()).isEqualTo(":x: Deployment " + broken + " FAILED (model qwen3-14b)");
        assertThat(fixture.slack.calls("chat.postMessage")).as("the one that ran is no failure")
                .noneMatch(call -> call.text() != null && call.text().contains(fine));
        SlackCall stopped = fixture.slash(USER, "unsubscribe deployments").awaitReply(text -> text.contains("Stopped"));
        assertThat(BotFixture.allText(stopped.body())).contains("Stopped deployments in this channel.");
    }

    private String deploy(String suffix) throws IOException {
        return fixture.client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, suffix))
                .deployedModel();
    }
}
