package dev.mstudio.slackbot;

import static dev.mstudio.slackbot.BotFixture.ADMIN;
import static dev.mstudio.slackbot.BotFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.ApiException;
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

/**
 * Destructive commands over signed HTTP: refused for non-admins, confirmed by admins with a button
 * that carries only a token of a pending action the bot keeps; the presser is checked again, the
 * action runs once, and forged or replayed clicks do nothing.
 */
class AdminGatingTest {
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
    void importDelete_byNonAdmin_isRefusedAndTheJobStays() throws Exception {
        String id = endedImport(0);
        long before = fixture.changingRequests();

        SlackCall reply = fixture.slash(USER, "import delete " + id + " --yes").awaitReply(text -> text.contains("admins"));

        assertThat(BotFixture.allText(reply.body())).contains("Only admins can run import delete.").contains(ADMIN);
        assertThat(BotFixture.buttons(reply.body())).isEmpty();
        assertThat(fixture.changingRequests()).isEqualTo(before);
        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
    }

    @Test
    void importDelete_byAdmin_asksWithATokenButton_thatDeletesOnce() throws Exception {
        String id = endedImport(1);

        SlackCall ask = fixture.slash(ADMIN, "import delete " + id + " --yes").awaitReply(text -> text.contains(id));

        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
        List<String[]> buttons = BotFixture.buttons(ask.body());
        assertThat(buttons).extracting(button -> button[0]).containsExactly("mstudio_confirmed", "mstudio_dismiss");
        String token = buttons.get(0)[1];
        assertThat(token).doesNotContain(id).doesNotContain("delete").hasSizeLessThan(64);

        BotFixture.Sent click = fixture.click(ADMIN, "mstudio_confirmed", token);

        assertThat(click.ack.statusCode()).isEqualTo(200);
        SlackCall done = click.awaitReply(text -> text.contains("Deleted"));
        assertThat(done.body().path("replace_original").asBoolean()).isTrue();
        assertThatThrownBy(() -> fixture.client.getImport(id)).isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("code", "NotFound");

        SlackCall again = fixture.click(ADMIN, "mstudio_confirmed", token).awaitReply(text -> text.contains("Already"));
        assertThat(BotFixture.allText(again.body())).contains("Already done");
        assertThat(fixture.sandbox.stats().count("DELETE /api/v1/custom_models/import/{job_id}")).isEqualTo(1);
    }

    @Test
    void confirmClick_byNonAdmin_withAnAdminsRealToken_isRefusedAndDeletesNothing() throws Exception {
        String id = endedImport(2);
        String token = askedToken(id);
        long before = fixture.changingRequests();

        SlackCall reply = fixture.click(USER, "mstudio_confirmed", token).awaitReply(text -> text.contains("admins"));

        assertThat(BotFixture.allText(reply.body())).contains("Only admins can confirm this.");
        assertThat(fixture.changingRequests()).isEqualTo(before);
        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
    }

    @Test
    void forgedClicks_madeUpTokens_commandLines_orAnotherChannel_doNothing() throws Exception {
        String id = endedImport(3);
        String token = askedToken(id);
        long before = fixture.changingRequests();
        List<String> forged = List.of("import delete " + id + " --yes", "x".repeat(5_000), "", "AAAAAAAAAAAAAAAAAAAAAAAA",
                token + "x", token.substring(1));

        for (String value : forged) {
            for (String user : List.of(USER, ADMIN)) {
                SlackCall reply = fixture.click(user, "mstudio_confirmed", value)
                        .awaitReply(text -> text.contains("not one I asked for"));
                assertThat(reply.ok()).isTrue();
            }
            fixture.click(USER, "mstudio_run_refresh", value).awaitReply(text -> text.contains("expired"));
        }
        fixture.click(ADMIN, "C0ELSEWHERE", "mstudio_confirmed", token)
                .awaitReply(text -> text.contains("not one I asked for"));

        assertThat(fixture.changingRequests()).isEqualTo(before);
        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
    }

    @Test
    void dismiss_thenConfirm_doesNothing() throws Exception {
        String id = endedImport(4);
        String token = askedToken(id);

        fixture.click(ADMIN, "mstudio_dismiss", token).awaitReply(text -> text.contains("Nothing was changed"));
        fixture.click(ADMIN, "mstudio_confirmed", token).awaitReply(text -> text.contains("Already done"));

        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
    }

    @Test
    void finetuneDetail_forAdmin_hasCancel_whichAsksBeforeCancelling() throws Exception {
        FineTuneJob running = fixture.client.listFineTunes(new FineTuneQuery(1, 100, null, "RUNNING")).items().get(0);

        SlackCall reply = fixture.slash(ADMIN, "finetune " + running.id()).awaitReply(text -> text.contains(running.id()));
        String[] cancel = BotFixture.buttons(reply.body()).stream().filter(b -> b[0].equals("mstudio_run_cancel_job"))
                .findFirst().orElseThrow();
        SlackCall asked = fixture.click(ADMIN, cancel[0], cancel[1]).awaitReply(text -> text.contains("Cancel fine-tune"));

        assertThat(BotFixture.buttons(asked.body())).extracting(button -> button[0])
                .containsExactly("mstudio_confirmed", "mstudio_dismiss");
        assertThat(fixture.client.getFineTune(running.id()).status()).isEqualTo("RUNNING");
    }

    @Test
    void finetuneDetail_forNonAdmin_orSharedByAnAdmin_hasNoDestructiveButtons() throws Exception {
        FineTuneJob running = fixture.client.listFineTunes(new FineTuneQuery(1, 100, null, "RUNNING")).items().get(0);

        SlackCall mine = fixture.slash(USER, "finetune " + running.id()).awaitReply(text -> text.contains(running.id()));
        SlackCall shared = fixture.slash(ADMIN, "finetune " + running.id() + " --public")
                .awaitReply(text -> text.contains(running.id()));

        assertThat(BotFixture.buttons(mine.body())).extracting(button -> button[0])
                .containsExactly("mstudio_run_refresh", "mstudio_run_watch");
        assertThat(shared.body().path("response_type").asText()).isEqualTo("in_channel");
        assertThat(BotFixture.buttons(shared.body())).extracting(button -> button[0])
                .containsExactly("mstudio_run_refresh", "mstudio_run_watch");
    }

    @Test
    void sharedListing_nextPageClickedBySomeoneElse_answersThemAlone_andLeavesTheSharedMessage() throws Exception {
        SlackCall listing = fixture.slash("U0OWNER", "finetunes --size 2 --public").awaitReply(text -> text.contains("page 1 of"));
        String[] next = BotFixture.buttons(listing.body()).get(0);
        assertThat(next[0]).isEqualTo("mstudio_run_next_page");

        SlackCall other = fixture.click("U0OTHER", next[0], next[1]).awaitReply(text -> text.contains("page 2 of"));
        SlackCall owner = fixture.click("U0OWNER", next[0], next[1]).awaitReply(text -> text.contains("page 2 of"));

        assertThat(other.body().path("replace_original").asBoolean()).isFalse();
        assertThat(other.body().path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(owner.body().path("replace_original").asBoolean()).isTrue();
    }

    /** The token of the Yes button an admin gets for deleting import {@code id}. */
    private static String askedToken(String id) throws Exception {
        SlackCall ask = fixture.slash(ADMIN, "import delete " + id).awaitReply(text -> text.contains(id));
        return BotFixture.buttons(ask.body()).get(0)[1];
    }

    private static String endedImport(int index) throws Exception {
        List<ImportJob> ended = fixture.client.listImports(new ImportQuery(1, 100, "SUCCESSED", null)).items();
        return ended.get(index).id();
    }
}
