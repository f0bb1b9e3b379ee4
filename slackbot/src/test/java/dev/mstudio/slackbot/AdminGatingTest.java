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

/** Destructive commands: refused for non-admins, confirmed with a button by admins, admin checked again on click. */
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

        SlackCall reply = fixture.slash(USER, "import delete " + id + " --yes").awaitReply(text -> text.contains("admins"));

        assertThat(BotFixture.allText(reply.body())).contains("Only admins can run `import delete`")
                .contains("<@" + ADMIN + ">");
        assertThat(BotFixture.buttons(reply.body())).isEmpty();
        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
    }

    @Test
    void importDelete_abbreviatedByNonAdmin_isRefusedToo() throws Exception {
        String id = endedImport(0);

        SlackCall reply = fixture.slash(USER, "imp del " + id).awaitReply(text -> text.contains("admins")
                || text.contains("Ambiguous"));

        assertThat(BotFixture.allText(reply.body())).doesNotContain("Deleted");
        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
    }

    @Test
    void importDelete_byAdmin_asksWithAConfirmButtonThatDeletesOnClick() throws Exception {
        String id = endedImport(1);

        SlackCall ask = fixture.slash(ADMIN, "import delete " + id + " --yes").awaitReply(text -> text.contains(id));

        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
        List<String[]> buttons = BotFixture.buttons(ask.body());
        assertThat(buttons).anySatisfy(button -> {
            assertThat(button[0]).isEqualTo("mstudio_confirmed");
            assertThat(button[1]).isEqualTo("import delete " + id + " --yes");
        });

        BotFixture.Sent click = fixture.click(ADMIN, "mstudio_confirmed", "import delete " + id + " --yes");

        assertThat(click.ack.statusCode()).isEqualTo(200);
        SlackCall done = click.awaitReply(text -> text.contains("Deleted"));
        assertThat(done.body().path("replace_original").asBoolean()).isTrue();
        assertThatThrownBy(() -> fixture.client.getImport(id)).isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("code", "NotFound");
    }

    @Test
    void confirmClick_byNonAdmin_isRefusedAndDeletesNothing() throws Exception {
        String id = endedImport(2);

        SlackCall reply = fixture.click(USER, "mstudio_confirmed", "import delete " + id + " --yes")
                .awaitReply(text -> text.contains("admins"));

        assertThat(BotFixture.allText(reply.body())).contains("Only admins");
        assertThat(fixture.client.getImport(id).id()).isEqualTo(id);
    }

    @Test
    void finetuneDetail_forAdmin_hasCancelWithSlacksConfirmDialog() throws Exception {
        FineTuneJob running = fixture.client.listFineTunes(new FineTuneQuery(1, 100, null, "RUNNING")).items().get(0);

        SlackCall reply = fixture.slash(ADMIN, "finetune " + running.id()).awaitReply(text -> text.contains(running.id()));

        assertThat(BotFixture.buttons(reply.body())).anySatisfy(button -> {
            assertThat(button[0]).isEqualTo("mstudio_confirmed_cancel");
            assertThat(button[1]).isEqualTo("finetune cancel " + running.id() + " --yes");
        });
        assertThat(reply.body().toString()).contains("\"confirm\"").contains("Are you sure?");
    }

    @Test
    void finetuneDetail_forNonAdmin_hasNoDestructiveButtons() throws Exception {
        FineTuneJob running = fixture.client.listFineTunes(new FineTuneQuery(1, 100, null, "RUNNING")).items().get(0);

        SlackCall reply = fixture.slash(USER, "finetune " + running.id()).awaitReply(text -> text.contains(running.id()));

        assertThat(BotFixture.buttons(reply.body())).extracting(button -> button[0])
                .containsExactly("mstudio_run_refresh", "mstudio_run_watch");
    }

    private static String endedImport(int index) throws Exception {
        List<ImportJob> ended = fixture.client.listImports(new ImportQuery(1, 100, "SUCCESSED", null)).items();
        return ended.get(index).id();
    }
}
