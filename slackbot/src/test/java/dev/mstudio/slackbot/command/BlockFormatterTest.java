package dev.mstudio.slackbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.Field;
import dev.mstudio.command.Result.ValueType;
import dev.mstudio.slackbot.command.BlockFormatter.View;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.ButtonAction;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockFormatterTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final Instant NOW = Instant.parse("2024-11-01T12:00:00Z");
    private static final View USER = new View(new Caller("C1", "U1"), false, false, NOW);
    private static final View ADMIN = new View(new Caller("C1", "U0ADMIN"), true, false, NOW);
    private static final List<Column> COLUMNS = List.of(new Column("ID", ValueType.ID),
            new Column("STATUS", ValueType.STATUS), new Column("MODEL", ValueType.TEXT),
            new Column("NAME", ValueType.TEXT), new Column("CREATED", ValueType.TIME));

    private final BotStore store = BotStore.open("jdbc:sqlite::memory:");
    private final TablePages pages = new TablePages(store, Clock.fixed(NOW, ZoneOffset.UTC),
            new TableCodec(line -> java.util.Optional.ofNullable(command(line))));
    private final BlockFormatter formatter = new BlockFormatter(pages, new Buttons(store, Clock.fixed(NOW, ZoneOffset.UTC)));

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void format_tableOf200Rows_fitsSlackLimitsWithAMoreButton() {
        Result.Table table = table(200, "x".repeat(400));

        JsonObject message = json(formatter.format(table, USER));

        assertThat(message.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
        assertThat(texts(message)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        assertThat(buttons(message)).anySatisfy(button -> {
            assertThat(button.get("action_id").getAsString()).isEqualTo(ActionIds.MORE);
            assertThat(button.get("value").getAsString()).endsWith(":" + TableBlocks.ROWS_PER_MESSAGE);
        });
        assertThat(String.join("\n", texts(message))).contains("job-000").contains("job-019")
                .doesNotContain("job-020").contains("rows 1–20 of 200");
    }

    @Test
    void tablePage_followingMoreToTheEnd_showsEveryRowOnceAndNoMoreButtonLast() {
        Result.Table table = table(200, "a name");
        String token = pages.keep(table, new Caller("C1", "U1"));
        StringBuilder seen = new StringBuilder();
        int offset = 0;
        JsonObject last = null;
        for (int page = 0; page < 10; page++) {
            last = json(formatter.tablePage(pages.find(token).orElseThrow().table(), token, offset, USER));
            assertThat(last.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
            seen.append(String.join("\n", texts(last)));
            offset += TableBlocks.ROWS_PER_MESSAGE;
        }

        for (int row = 0; row < 200; row++) {
            assertThat(seen.toString()).contains(String.format("`job-%03d`", row));
        }
        assertThat(buttons(last)).isEmpty();
    }

    @Test
    void format_listingWithAnotherServicePage_offersNextPage() {
        Result.Table table = new Result.Table("Import jobs", COLUMNS, rows(3, "n"), "page 1 of 4 · 37 jobs · next for more",
                null, List.of(new Result.FollowUp("Next page", command("imports --page 2 --size 3"))));

        JsonObject message = json(formatter.format(table, USER));

        assertThat(buttons(message)).extracting(button -> button.get("action_id").getAsString())
                .containsExactly(ActionIds.run("Next page"));
        String token = buttons(message).get(0).get("value").getAsString();
        assertThat(store.button(token).orElseThrow().line()).isEqualTo("imports --page 2 --size 3");
    }

    @Test
    void format_statuses_getTheirEmoji() {
        List<List<Object>> rows = new ArrayList<>();
        for (String status : List.of("SUCCESSED", "SUCCEEDED", "FAILED", "RUNNING", "PENDING", "CANCELED", "QUEUING")) {
            rows.add(Arrays.asList("job-" + status, status, "m", "n", Instant.EPOCH));
        }

        String text = String.join("\n", texts(json(formatter.format(
                new Result.Table("Jobs", COLUMNS, rows, null, null), USER))));

        assertThat(text).contains(":white_check_mark: SUCCESSED", ":white_check_mark: SUCCEEDED", ":x: FAILED",
                ":hourglass_flowing_sand: RUNNING", ":clock3: PENDING", ":no_entry_sign: CANCELED",
                ":grey_question: QUEUING");
    }

    @Test
    void format_failure_showsCodeRequestIdAndTime() {
        Result.Failure failure = new Result.Failure("Import job x not found.", "imports lists IDs.", "NotFound",
                "req-123", 1);

        String text = String.join("\n", texts(json(formatter.format(failure, USER))));

        assertThat(text).contains(":x: *Import job x not found.*").contains("code `NotFound`")
                .contains("request_id `req-123`").contains("<!date^1730462400^");
    }

    @Test
    void format_terminalImportDetail_offersDeleteToAdminsOnly_andNeverOnASharedMessage() {
        Result.Detail detail = new Result.Detail("Import job imp-1", List.of(new Field("job_id", "imp-1", ValueType.ID),
                new Field("status", "SUCCESSED", ValueType.STATUS)), null,
                List.of(new Result.FollowUp("Refresh", command("import imp-1")),
                        new Result.FollowUp("Delete job", command("import delete imp-1"))));

        List<String> forAdmin = actionIds(json(formatter.format(detail, ADMIN)));
        List<String> forUser = actionIds(json(formatter.format(detail, USER)));
        List<String> sharedByAdmin = actionIds(json(formatter.format(detail, ADMIN.shared(true))));

        assertThat(forAdmin).containsExactly(ActionIds.run("Refresh"), ActionIds.run("Delete job"));
        assertThat(forUser).containsExactly(ActionIds.run("Refresh"));
        assertThat(sharedByAdmin).containsExactly(ActionIds.run("Refresh"));
    }

    @Test
    void format_followUpButtons_carryOnlyATokenOfAKeptAction() {
        Result.Detail detail = new Result.Detail("Import job imp-1", List.of(), null,
                List.of(new Result.FollowUp("Refresh", command("import imp-1"))));

        JsonObject button = buttons(json(formatter.format(detail, USER))).get(0);
        String token = button.get("value").getAsString();

        assertThat(token).doesNotContain("import").hasSizeLessThanOrEqualTo(Buttons.MAX_TOKEN);
        assertThat(store.button(token)).hasValueSatisfying(action -> {
            assertThat(action.line()).isEqualTo("import imp-1");
            assertThat(action.owner()).isEqualTo("U1");
            assertThat(action.kind()).isEqualTo(ButtonAction.Kind.RUN);
        });
    }

    @Test
    void format_detailWithManyLongFields_staysWithinLimits() {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            fields.add(new Field("field_" + i, "v".repeat(5000), ValueType.TEXT));
        }

        JsonObject message = json(formatter.format(new Result.Detail("Big", fields, null), USER));

        assertThat(message.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
        assertThat(texts(message)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
    }

    @Test
    void format_longLog_keepsTheLastLinesWithinLimits() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add("step " + i + " loss=0.1234 " + "y".repeat(80));
        }

        JsonObject message = json(formatter.format(new Result.LogLines("Log of ft-1", lines, 0, 1000, null), USER));

        assertThat(message.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
        assertThat(texts(message)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join("\n", texts(message))).contains("step 999 ").contains("earlier lines left out");
    }

    @Test
    void format_confirm_keepsThePendingActionAndPutsOnlyItsTokenInTheButtons() {
        String longName = "n".repeat(2_100);
        JsonObject message = json(formatter.format(new Result.Confirm("Create?", command(
                "import create --base m --weight lora --bucket b --key k/ --name " + longName + " --yes")), ADMIN));

        List<JsonObject> buttons = buttons(message);
        String token = buttons.get(0).get("value").getAsString();
        assertThat(buttons).extracting(button -> button.get("action_id").getAsString())
                .containsExactly(ActionIds.CONFIRMED, ActionIds.DISMISS);
        assertThat(buttons).allSatisfy(button -> assertThat(button.get("value").getAsString()).isEqualTo(token));
        assertThat(store.button(token)).hasValueSatisfying(action -> {
            assertThat(action.kind()).isEqualTo(ButtonAction.Kind.CONFIRM);
            assertThat(action.line()).endsWith("--name " + longName + " --yes");
            assertThat(action.expiresAt()).isEqualTo(NOW.plus(Buttons.CONFIRM_TTL));
            assertThat(action.owner()).isEqualTo("U0ADMIN");
        });
    }

    private static dev.mstudio.command.Command command(String line) {
        return CommandLanguage.standard().parse(line).command();
    }

    @Test
    void format_dataWithMarkup_isEscaped() {
        JsonObject message = json(formatter.format(Result.Message.info("<!channel> & <@U1>"), USER));

        assertThat(String.join("\n", texts(message))).contains("&lt;!channel&gt; &amp; &lt;@U1&gt;")
                .doesNotContain("<!channel>");
    }

    private static Result.Table table(int count, String name) {
        return new Result.Table("Import jobs", COLUMNS, rows(count, name), "page 1 of 1 · " + count + " jobs", null);
    }

    private static List<List<Object>> rows(int count, String name) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Arrays.asList(String.format("job-%03d", i), i % 2 == 0 ? "RUNNING" : "FAILED", "qwen-" + i, name,
                    Instant.parse("2024-10-29T16:53:53Z")));
        }
        return rows;
    }

    static JsonObject json(CommandReply reply) {
        JsonObject message = new JsonObject();
        message.addProperty("text", reply.text());
        message.add("blocks", GSON.toJsonTree(reply.blocks()));
        return message;
    }

    static List<String> texts(JsonElement element) {
        List<String> texts = new ArrayList<>();
        collect(element, texts);
        return texts;
    }

    private static void collect(JsonElement element, List<String> texts) {
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(entry -> {
                if (entry.getKey().equals("text") && entry.getValue().isJsonPrimitive()) {
                    texts.add(entry.getValue().getAsString());
                } else {
                    collect(entry.getValue(), texts);
                }
            });
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> collect(item, texts));
        }
    }

    static List<JsonObject> buttons(JsonObject message) {
        List<JsonObject> buttons = new ArrayList<>();
        for (JsonElement block : message.getAsJsonArray("blocks")) {
            JsonArray elements = block.getAsJsonObject().getAsJsonArray("elements");
            if (elements != null) {
                elements.forEach(element -> {
                    if ("button".equals(element.getAsJsonObject().get("type").getAsString())) {
                        buttons.add(element.getAsJsonObject());
                    }
                });
            }
        }
        return buttons;
    }

    private static List<String> actionIds(JsonObject message) {
        return buttons(message).stream().map(button -> button.get("action_id").getAsString()).toList();
    }
}
