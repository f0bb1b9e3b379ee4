package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.ADMIN;
import static dev.mstudio.slackbot.BotFixture.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.slackbot.notify.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two bot replicas on one PostgreSQL store, as behind a load balancer: whichever one a slash command
 * or a click reaches answers it from the store, never from what the other holds in memory.
 */
class ReplicaCommandsTest {
    private static final Pattern JOB_ID = Pattern.compile("`([0-9a-f-]{36})`");
    private static BotFixture fixture;
    private static Bot one;
    private static Bot other;

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.start(Duration.ofSeconds(20), TestPostgres.shared().newDatabaseUrl());
        one = fixture.bot;
        other = fixture.replica();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void imports_onOne_nextOnTheOther_givesPageTwo_andPrevOnTheFirstGoesBack() throws Exception {
        fixture.slashTo(one, CHANNEL, "U0PAGER", "imports --size 3").awaitOwnReply(text -> text.contains("page 1 of"));

        SlackCall next = fixture.slashTo(other, CHANNEL, "U0PAGER", "next").awaitOwnReply(text -> text.contains("page 2 of"));
        SlackCall third = fixture.slashTo(one, CHANNEL, "U0PAGER", "next").awaitOwnReply(text -> text.contains("page 3 of"));
        SlackCall back = fixture.slashTo(other, CHANNEL, "U0PAGER", "prev").awaitOwnReply(text -> text.contains("page 2 of"));

        assertThat(BotFixture.allText(next.body())).contains("Import jobs");
        assertThat(jobIds(back)).hasSize(3).isEqualTo(jobIds(next)).doesNotContainAnyElementsOf(jobIds(third));
        fixture.slashTo(other, CHANNEL, "U0SOMEONE", "next").awaitOwnReply(text -> text.contains("no listing to page"));
    }

    @Test
    void moreClick_onTheOtherReplica_showsTheNextRowsOfTheSameTable() throws Exception {
        fixture.sandbox.seed(40, 0, 0.0);
        SlackCall first = fixture.slashTo(one, CHANNEL, "U0MORE", "imports --size 30")
                .awaitOwnReply(text -> text.contains("rows 1–20 of 30"));
        String[] more = BotFixture.buttons(first.body()).stream().filter(button -> button[0].equals("mstudio_more"))
                .findFirst().orElseThrow();

        SlackCall second = fixture.clickOn(other, "U0MORE", "mstudio_more", more[1])
                .awaitOwnReply(text -> text.contains("rows 21–30 of 30"));

        assertThat(second.body().path("replace_original").asBoolean()).isTrue();
        assertThat(BotFixture.buttons(second.body())).extracting(button -> button[0]).containsExactly("mstudio_run_next_page");
        String[] nextPage = BotFixture.buttons(second.body()).get(0);
        fixture.clickOn(one, "U0MORE", nextPage[0], nextPage[1]).awaitOwnReply(text -> text.contains("page 2 of"));
    }

    @Test
    void confirmation_askedOnOne_isConfirmedOnTheOther_exactlyOnce() throws Exception {
        List<ImportJob> ended = fixture.client.listImports(new ImportQuery(1, 100, "SUCCESSED", null)).items();
        String id = ended.get(0).id();
        SlackCall ask = fixture.slashTo(one, CHANNEL, ADMIN, "import delete " + id).awaitOwnReply(text -> text.contains(id));
        String token = BotFixture.buttons(ask.body()).get(0)[1];
        long deletes = fixture.sandbox.stats().count("DELETE /api/v1/custom_models/import/{job_id}");

        BotFixture.Sent onOther = fixture.clickOn(other, ADMIN, "mstudio_confirmed", token);
        BotFixture.Sent onOne = fixture.clickOn(one, ADMIN, "mstudio_confirmed", token);

        List<String> answers = List.of(BotFixture.allText(onOther.awaitOwnReply(text -> !text.isBlank()).body()),
                BotFixture.allText(onOne.awaitOwnReply(text -> !text.isBlank()).body()));
        assertThat(answers).filteredOn(text -> text.contains("Deleted")).hasSize(1);
        assertThat(answers).filteredOn(text -> text.contains("Already done")).hasSize(1);
        assertThat(fixture.sandbox.stats().count("DELETE /api/v1/custom_models/import/{job_id}")).isEqualTo(deletes + 1);
    }

    /** The job IDs a listing shows, in order. */
    private static List<String> jobIds(SlackCall listing) {
        return JOB_ID.matcher(BotFixture.allText(listing.body())).results().map(match -> match.group(1)).toList();
    }
}
