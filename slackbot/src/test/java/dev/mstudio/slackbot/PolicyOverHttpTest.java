package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.testkit.Spellings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adversarial suite, as Slack sends it (signed slash commands over HTTP to the real bot): every
 * destructive and REPL-only command in many spellings, from a user who is not an admin. Each is
 * refused, and the sandbox, asked over its own HTTP control API, saw no request that changes a job.
 */
class PolicyOverHttpTest {
    private static BotFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.start(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void destructiveCommands_inEverySpelling_fromANonAdmin_changeNothing() throws Exception {
        String ended = fixture.client.listImports(new ImportQuery(1, 100, "SUCCESSED", null)).items().get(0).id();
        String running = fixture.client.listFineTunes(new FineTuneQuery(1, 100, null, "RUNNING")).items().get(0).id();
        List<String> lines = Spellings.destructive(ended, running);

        for (String line : lines) {
            SlackCall reply = fixture.slash(USER, line).awaitReply(text -> text.contains(":x:"));
            assertThat(BotFixture.buttons(reply.body())).as(line).isEmpty();
        }

        assertThat(lines.size()).isGreaterThanOrEqualTo(4 * 20);
        assertThat(fixture.changingRequests()).isZero();
        assertThat(fixture.client.getImport(ended).id()).isEqualTo(ended);
    }

    @Test
    void replOnlyCommands_inEverySpelling_areRefused() throws Exception {
        List<String> lines = Spellings.replOnly("ft-202410291653-1c7f");

        for (String line : lines) {
            SlackCall reply = fixture.slash(USER, line).awaitReply(text -> text.contains(":x:"));
            assertThat(BotFixture.allText(reply.body())).as(line).doesNotContain("Output: json")
                    .doesNotContain("History");
        }

        assertThat(lines.size()).isGreaterThanOrEqualTo(7 * 20);
        assertThat(fixture.changingRequests()).isZero();
    }

    @Test
    void limits_areRefusedAndNothingIsStored() throws Exception {
        String channel = BotFixture.CHANNEL;
        fixture.slash(USER, "watch " + "x".repeat(4_001)).awaitReply(text -> text.contains("characters long; at most 4000 are accepted"));
        fixture.slash(USER, "subscribe imports --model " + "m".repeat(257))
                .awaitReply(text -> text.contains("at most 256 characters"));
        StringBuilder ids = new StringBuilder("watch");
        for (int i = 0; i < 51; i++) {
            ids.append(" job-").append(i);
        }
        fixture.slash(USER, ids.toString()).awaitReply(text -> text.contains("At most 50 job IDs"));

        SlackCall listed = fixture.slash(USER, "subscriptions").awaitReply(text -> text.contains("subscriptions"));

        assertThat(BotFixture.allText(listed.body())).as(channel).contains("no subscriptions or watches");
    }
}
