package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slash commands against the DashScope sandbox: acknowledged at once, answered as Block Kit at response_url. */
class SlashCommandTest {
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
    void imports_withStatus_acksEmptyThenPostsTheRunningJobsAsBlockKit() throws Exception {
        List<String> running = fixture.client.listImports(new ImportQuery(1, 100, "RUNNING", null)).items().stream()
                .map(ImportJob::id).toList();

        BotFixture.Sent sent = fixture.slash(USER, "imports --status RUNNING");

        assertThat(sent.ack.statusCode()).isEqualTo(200);
        assertThat(sent.ack.body()).isBlank();
        SlackCall reply = sent.awaitReply(text -> text.contains("Import jobs"));
        JsonNode message = reply.body();
        assertThat(message.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(message.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        String text = BotFixture.allText(message);
        assertThat(running).isNotEmpty().allSatisfy(id -> assertThat(text).contains(id));
        assertThat(text).contains(":hourglass_flowing_sand: RUNNING").contains("<!date^");
        assertThat(BotFixture.texts(message)).allSatisfy(each -> assertThat(each.length()).isLessThanOrEqualTo(3000));
    }

    @Test
    void imports_moreRowsThanAMessageHolds_moreButtonShowsTheNextRows() throws Exception {
        fixture.sandbox.seed(40, 0, 0.0);
        SlackCall first = fixture.slash("U0MORE", "imports --size 30").awaitReply(text -> text.contains("rows 1–20 of 30"));
        String[] more = BotFixture.buttons(first.body()).stream().filter(button -> button[0].equals("mstudio_more"))
                .findFirst().orElseThrow();

        SlackCall second = fixture.click("U0MORE", "mstudio_more", more[1])
                .awaitReply(text -> text.contains("rows 21–30 of 30"));

        assertThat(second.body().path("replace_original").asBoolean()).isTrue();
        assertThat(BotFixture.buttons(second.body())).extracting(button -> button[0]).containsExactly("mstudio_run_next_page");
    }

    @Test
    void finetune_byId_showsDetailWithRefreshButton() throws Exception {
        FineTuneJob job = fixture.client.listFineTunes(new FineTuneQuery(1, 10, null, null)).items().get(0);

        SlackCall reply = fixture.slash(USER, "finetune " + job.id()).awaitReply(text -> text.contains(job.id()));

        assertThat(BotFixture.allText(reply.body())).contains("Fine-tune job " + job.id()).contains(job.status());
        String[] refresh = BotFixture.buttons(reply.body()).get(0);
        assertThat(refresh[0]).isEqualTo("mstudio_run_refresh");
        assertThat(refresh[1]).doesNotContain(job.id()).doesNotContain("finetune");

        SlackCall refreshed = fixture.click(USER, refresh[0], refresh[1]).awaitReply(text -> text.contains(job.id()));

        assertThat(BotFixture.allText(refreshed.body())).contains("Fine-tune job " + job.id());
        assertThat(refreshed.body().path("replace_original").asBoolean()).isTrue();
    }

    @Test
    void import_unknownId_answersWithCodeAndRequestId() throws Exception {
        SlackCall reply = fixture.slash(USER, "import 00000000-0000-0000-0000-000000000000")
                .awaitReply(text -> text.contains(":x:"));

        String text = BotFixture.allText(reply.body());
        assertThat(text).contains("code `NotFound`").containsPattern("request_id `[^`]+`");
    }

    @Test
    void unknownCommand_suggestsTheNearestAndHelp() throws Exception {
        SlackCall reply = fixture.slash(USER, "finetuned").awaitReply(text -> text.contains(":x:"));

        assertThat(BotFixture.allText(reply.body())).contains("Unknown command finetuned")
                .contains("Type /mstudio help for the list of commands.");
    }

    @Test
    void history_isReplOnly_refusedWithAHint() throws Exception {
        SlackCall reply = fixture.slash(USER, "history").awaitReply(text -> text.contains("REPL"));

        assertThat(BotFixture.allText(reply.body())).contains("history works only in the REPL (./mstudio).");
    }

    @Test
    void help_listsCoreAndChannelCommands_butNotReplOnlyOnes() throws Exception {
        SlackCall reply = fixture.slash(USER, "help").awaitReply(text -> text.contains("Show one import job"));

        String text = BotFixture.allText(reply.body());
        // 31 rows since the fine-tuning workflow: the channel commands are on the second page (More)
        assertThat(text).contains("imports [--status S]").contains("watch ID...").contains("finetune metrics ID")
                .contains("rows 1–20 of 31").doesNotContain("file upload")
                .doesNotContain("/history").doesNotContain("`history");
    }

    @Test
    void imports_public_isSharedInTheChannel() throws Exception {
        BotFixture.Sent sent = fixture.slash(USER, "imports --public");

        assertThat(sent.ack.body()).contains("in_channel");
        SlackCall reply = sent.awaitReply(text -> text.contains("Import jobs"));
        assertThat(reply.body().path("response_type").asText()).isEqualTo("in_channel");
    }

    @Test
    void next_afterAListing_showsTheSecondPageOfThatUsersListing() throws Exception {
        fixture.slash("U0PAGER", "finetunes --size 2").awaitReply(text -> text.contains("page 1 of"));

        SlackCall reply = fixture.slash("U0PAGER", "next").awaitReply(text -> text.contains("page 2 of"));

        assertThat(BotFixture.allText(reply.body())).contains("Fine-tune jobs");
    }

    @Test
    void watch_runningImport_postsAFollowingMessageInTheChannel() throws Exception {
        String id = fixture.client.listImports(new ImportQuery(1, 100, "RUNNING", null)).items().get(0).id();

        SlackCall reply = fixture.slash(USER, "watch " + id).awaitReply(text -> text.contains(id));

        assertThat(BotFixture.allText(reply.body())).contains("Watching import job " + id + " (RUNNING");
        SlackCall posted = fixture.slack.awaitCall("chat.postMessage",
                call -> BotFixture.CHANNEL.equals(call.channel()) && BotFixture.allText(call.body()).contains(id),
                BotFixture.WAIT);
        assertThat(posted.ok()).isTrue();
    }

    @Test
    void subscribe_thenSubscriptions_listsTheSubscription() throws Exception {
        SlackCall subscribed = fixture.slash(USER, "subscribe finetunes --only failures")
                .awaitReply(text -> text.contains("hears"));
        assertThat(BotFixture.allText(subscribed.body())).contains("any fine-tune job ends (failures only)")
                .contains("failures are posted here, successes in a thread of the day");

        SlackCall listed = fixture.slash(USER, "subscriptions").awaitReply(text -> text.contains("Subscriptions"));

        assertThat(BotFixture.allText(listed.body())).contains("fine-tune job ends (failures only)");
    }

    @Test
    void subscribe_broadcast_isToldAndListed_andAnUnknownModeIsRefused() throws Exception {
        SlackCall subscribed = fixture.slash(USER, "subscribe imports --broadcast NO")
                .awaitReply(text -> text.contains("hears"));
        assertThat(BotFixture.allText(subscribed.body())).contains("every outcome is a reply in a thread of the day");
        SlackCall listed = fixture.slash(USER, "subscriptions").awaitReply(text -> text.contains("Subscriptions"));
        assertThat(BotFixture.allText(listed.body())).contains("any import job ends, broadcast none");

        SlackCall refused = fixture.slash(USER, "subscribe finetunes --broadcast sometimes")
                .awaitReply(text -> text.contains(":x:"));

        assertThat(BotFixture.allText(refused.body())).contains("failures", "all", "none");
        SlackCall after = fixture.slash(USER, "subscriptions").awaitReply(text -> text.contains("Subscriptions"));
        assertThat(BotFixture.allText(after.body())).doesNotContain("fine-tune job ends");
    }

    @Test
    void subscribeAlerts_withAThreshold_isListed_andAlertsForImportsOrOutOfRangeAreRefused() throws Exception {
        SlackCall subscribed = fixture.slash(USER, "subscribe finetunes --stalled 45m")
                .awaitReply(text -> text.contains("hears"));
        assertThat(BotFixture.allText(subscribed.body()))
                .contains("any fine-tune job ends or needs an alert (log silent 45 min, queued 2 h, NaN or rising loss)");

        SlackCall imports = fixture.slash(USER, "subscribe imports --alerts").awaitReply(text -> text.contains(":x:"));
        SlackCall tooShort = fixture.slash(USER, "subscribe finetunes --alerts --queued 30s")
                .awaitReply(text -> text.contains(":x:"));

        assertThat(BotFixture.allText(imports.body())).contains("imports have none", "subscribe finetunes --alerts");
        assertThat(BotFixture.allText(tooShort.body())).contains("between 1 minute and 30 days");
        SlackCall listed = fixture.slash(USER, "subscriptions").awaitReply(text -> text.contains("Subscriptions"));
        assertThat(BotFixture.allText(listed.body())).contains("log silent 45 min").doesNotContain("import job ends or needs an alert")
                .doesNotContain("queued 30 s");
    }

    @Test
    void subscribe_withoutKind_explainsUsage() throws Exception {
        SlackCall reply = fixture.slash(USER, "subscribe --model qwen").awaitReply(text -> text.contains(":x:"));

        assertThat(BotFixture.allText(reply.body())).contains("Missing KIND")
                .contains("Usage: subscribe imports|finetunes|deployments [--model M] [--only failures] [--broadcast failures|all|none]");
    }

    @Test
    void logsFollow_isRefusedWithAnAlternative() throws Exception {
        SlackCall reply = fixture.slash(USER, "finetune logs ft-1 --follow").awaitReply(text -> text.contains(":x:"));

        assertThat(BotFixture.allText(reply.body())).contains("--tail");
    }

    @Test
    void watchAndSubscribe_whereTheBotIsNotIn_sayHowToFixIt_andSetUpNothing() throws Exception {
        String id = fixture.client.listImports(new ImportQuery(1, 100, "RUNNING", null)).items().get(0).id();
        fixture.slack.addChannel("C0PUBLIC");

        for (String channel : List.of("G0PRIVATE", "C0PUBLIC")) {
            SlackCall watch = fixture.slashIn(channel, USER, "watch " + id).awaitReply(text -> text.contains(":x:"));
            SlackCall subscribe = fixture.slashIn(channel, USER, "subscribe imports").awaitReply(text -> text.contains(":x:"));
            SlackCall listed = fixture.slashIn(channel, USER, "subscriptions").awaitReply(text -> text.contains("no subscriptions"));

            assertThat(BotFixture.allText(watch.body())).contains("/invite @mstudio").contains("Nothing was set up");
            assertThat(BotFixture.allText(subscribe.body())).contains("/invite @mstudio");
            assertThat(listed.ok()).isTrue();
        }
        assertThat(fixture.slack.calls("chat.postMessage")).noneMatch(call -> "G0PRIVATE".equals(call.channel())
                || "C0PUBLIC".equals(call.channel()));
    }

    @Test
    void watchDm_followsTheJobInADirectMessageToTheAsker() throws Exception {
        String id = fixture.client.listImports(new ImportQuery(1, 100, "RUNNING", null)).items().get(1).id();

        SlackCall reply = fixture.slashIn("G0PRIVATE", "U0DMUSER", "watch " + id + " --dm")
                .awaitReply(text -> text.contains(id));

        assertThat(BotFixture.allText(reply.body())).contains("a direct message to you");
        SlackCall posted = fixture.slack.awaitCall("chat.postMessage",
                call -> "U0DMUSER".equals(call.channel()) && BotFixture.allText(call.body()).contains(id), BotFixture.WAIT);
        assertThat(posted.ok()).isTrue();
    }
}
