package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.ValueType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private static final Instant NOW = Instant.parse("2024-10-29T17:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String LONG_ID = "ft-202410291653-1c7f-abcdef012345";
    private static final String LONG_MODEL = "qwen2.5-72b-instruct-custom-model-with-a-very-long-name";

    private static Renderer renderer(Palette palette, int width) {
        return new Renderer(new Look(palette, () -> width, new TimeText(CLOCK, ZoneId.of("UTC"))));
    }

    private static Result.Table jobs() {
        List<Column> columns = List.of(new Column("ID", ValueType.ID), new Column("STATUS", ValueType.STATUS),
                new Column("MODEL", ValueType.TEXT), new Column("CREATED", ValueType.TIME),
                new Column("EPOCHS", ValueType.NUMBER));
        List<List<Object>> rows = List.of(
                Arrays.asList(LONG_ID, "RUNNING", LONG_MODEL, NOW.minusSeconds(180), 3),
                Arrays.asList("ft-2", "SUCCEEDED", "qwen-turbo", NOW.minusSeconds(7200), 12),
                Arrays.asList("ft-3", "FAILED", null, NOW.plusSeconds(5), null));
        return new Result.Table("Fine-tune jobs", columns, rows, "3 jobs", null);
    }

    @Test
    void render_tableWiderThanTerminal_ellipsizesTextAndKeepsIdsWhole() {
        List<String> lines = renderer(Palette.PLAIN, 80).render(jobs(), false);

        assertThat(lines).allSatisfy(line -> assertThat(Text.width(line)).isLessThanOrEqualTo(80));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(LONG_ID + "  RUNNING"));
        assertThat(String.join("\n", lines)).doesNotContain(LONG_MODEL).contains(Text.ELLIPSIS);
    }

    @Test
    void render_tableAtFortyColumns_stacksEachJobWithItsWholeIdAndStatus() {
        List<String> lines = renderer(Palette.PLAIN, 40).render(jobs(), false);

        assertThat(lines).containsSubsequence("Fine-tune jobs", "ID:      " + LONG_ID, "STATUS:  RUNNING",
                "CREATED: 3 min ago", "EPOCHS:  3", "", "ID:      ft-2", "STATUS:  SUCCEEDED");
        assertThat(lines).filteredOn(line -> line.startsWith("MODEL:"))
                .allSatisfy(line -> assertThat(Text.width(line)).isLessThanOrEqualTo(40));
        assertThat(lines).contains("STATUS:  FAILED", "MODEL:   -");
    }

    @Test
    void render_tableAtEightyColumns_staysATable() {
        List<String> lines = renderer(Palette.PLAIN, 80).render(jobs(), false);

        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("ID:"));
    }

    @Test
    void render_failureWhoseMessageSaysErrorItself_saysErrorOnce() {
        Result.Failure failure = new Result.Failure("Error: Unexpected response from DashScope: list[0] has no job_id",
                null, null, "r-7", 1);

        List<String> lines = renderer(Palette.PLAIN, 80).render(failure, false);

        assertThat(lines).containsExactly(
                "|  Error: Unexpected response from DashScope: list[0] has no job_id (request_id r-7)");
    }

    @Test
    void render_emptyTableOfCheckpoints_saysNothingAboutJobs() {
        Result.Table empty = new Result.Table("Checkpoints of fine-tune job ft-1",
                List.of(new Result.Column("CHECKPOINT", ValueType.TEXT)), List.of(), "0 checkpoints", null);

        String text = String.join("\n", renderer(Palette.PLAIN, 80).render(empty, false));

        assertThat(text).contains("Nothing to show.", "0 checkpoints").doesNotContain("jobs to show");
    }

    @Test
    void render_tableOnUnlimitedWidth_keepsEveryValueWhole() {
        String text = String.join("\n", renderer(Palette.PLAIN, 0).render(jobs(), false));

        assertThat(text).contains(LONG_ID, LONG_MODEL).doesNotContain(Text.ELLIPSIS);
    }

    @Test
    void fit_veryNarrowWidth_shrinksTextBeforeIds() {
        ValueType[] types = {ValueType.ID, ValueType.TEXT, ValueType.STATUS};

        int[] widths = TableRenderer.fit(new int[] {20, 30, 9}, types, 40);

        assertThat(widths[0]).isEqualTo(20);
        assertThat(widths[1]).isEqualTo(40 - 20 - 9 - 4);
        assertThat(widths[2]).isEqualTo(9);
    }

    @Test
    void render_tableTimes_areRelativeToTheClock() {
        String text = String.join("\n", renderer(Palette.PLAIN, 0).render(jobs(), false));

        assertThat(text).contains("3 min ago", "2 h ago", "in 5 s");
    }

    @Test
    void relative_variousAges_readNaturally() {
        TimeText time = new TimeText(CLOCK, ZoneId.of("UTC"));

        assertThat(time.relative(NOW)).isEqualTo("just now");
        assertThat(time.relative(NOW.minusSeconds(42))).isEqualTo("42 s ago");
        assertThat(time.relative(NOW.minusSeconds(3 * 86_400))).isEqualTo("3 d ago");
        assertThat(time.relative(NOW.plusSeconds(600))).isEqualTo("in 10 min");
    }

    @Test
    void render_detailTime_showsAbsoluteAndRelative() {
        Result.Detail detail = new Result.Detail("Fine-tune job ft-2", List.of(
                new Result.Field("Status", "SUCCEEDED", ValueType.STATUS),
                new Result.Field("Created", NOW.minusSeconds(180), ValueType.TIME)), null);

        List<String> lines = renderer(Palette.PLAIN, 80).render(detail, false);

        assertThat(lines).contains("Fine-tune job ft-2", "  Status   SUCCEEDED",
                "  Created  2024-10-29 16:57:00 UTC (3 min ago)");
    }

    @Test
    void render_statusesWithColour_paintsEachStatusItsColour() {
        String text = String.join("\n", renderer(Palette.COLOUR, 200).render(jobs(), false));

        assertThat(text).contains("\033[33mRUNNING", "\033[32mSUCCEEDED", "\033[31mFAILED");
        assertThat(Palette.COLOUR.status("CANCELED")).startsWith("\033[90m");
        assertThat(Palette.COLOUR.status("PENDING")).startsWith("\033[36m");
        assertThat(Palette.COLOUR.status("QUEUING")).startsWith("\033[35m");
    }

    @Test
    void render_deploymentStatuses_runningIsServingGreen_notInProgressYellow() {
        Result.Table table = new Result.Table("Deployments", List.of(
                new Result.Column("DEPLOYED MODEL", Result.ValueType.ID),
                new Result.Column("STATUS", Result.ValueType.DEPLOYMENT_STATUS)),
                List.of(List.of("qwen-serving", "RUNNING"), List.of("qwen-moving", "DEPLOYING")), null, null);

        String text = String.join("\n", renderer(Palette.COLOUR, 200).render(table, false));

        assertThat(text).contains("\033[32mRUNNING", "\033[33mDEPLOYING");
        assertThat(Palette.COLOUR.deploymentStatus("STOPPED")).startsWith("\033[90m");
    }

    @Test
    void render_plainPalette_writesNoEscapes() {
        String text = String.join("\n", renderer(Palette.PLAIN, 200).render(jobs(), false));

        assertThat(text).doesNotContain("\033");
    }

    @Test
    void forOutput_noColorOrNoTerminal_turnsColourOff() {
        assertThat(Palette.forOutput(true, null).enabled()).isTrue();
        assertThat(Palette.forOutput(true, "1").enabled()).isFalse();
        assertThat(Palette.forOutput(true, "").enabled()).isTrue();
        assertThat(Palette.forOutput(false, null).enabled()).isFalse();
    }

    @Test
    void render_jsonOutput_printsTheApiJsonPretty() throws Exception {
        JsonNode json = new ObjectMapper().readTree(
                "{\"output\":{\"job_id\":\"ft-2\",\"status\":\"SUCCEEDED\",\"files\":[],\"extra\":{}}}");
        Result.Detail detail = new Result.Detail("Fine-tune job ft-2", List.of(), json);

        List<String> lines = renderer(Palette.COLOUR, 80).render(detail, true);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"job_id\": \"ft-2\"", "\"files\": []", "\"extra\": {}").doesNotContain("\033");
        assertThat(new ObjectMapper().readTree(lines.get(0))).isEqualTo(json);
    }

    @Test
    void render_failureWhoseMessageSaysErrorAlready_saysItOnce() {
        Result.Failure failure = new Result.Failure("Error: Unexpected response (HTTP 200, request_id req-2)",
                null, null, "req-2", 1);

        List<String> lines = renderer(Palette.PLAIN, 80).render(failure, false);

        assertThat(lines).containsExactly("|  Error: Unexpected response (HTTP 200, request_id req-2)");
    }

    @Test
    void render_failure_isOneErrorLinePlusHint() {
        Result.Failure failure = new Result.Failure("Job ft-9 not found.", "Try /finetunes.", "NotFound", "req-1", 1);

        List<String> lines = renderer(Palette.PLAIN, 80).render(failure, false);

        assertThat(lines).containsExactly("|  Error: NotFound: Job ft-9 not found. (request_id req-1)", "|  Try /finetunes.");
    }

    @Test
    void render_serviceTextWithEscapes_cannotReachTheTerminal() {
        Result.Table table = new Result.Table("t", List.of(new Column("NAME", ValueType.TEXT)),
                List.of(List.of("evil\033[2Jname\nnext")), null, null);

        String text = String.join("\n", renderer(Palette.PLAIN, 80).render(table, false));

        assertThat(text).doesNotContain("\033").contains("evil [2Jname next");
    }

    @Test
    void ellipsize_wideCharacters_countTwoColumns() {
        assertThat(Text.width("模型")).isEqualTo(4);
        assertThat(Text.ellipsize("模型名称很长", 5)).isEqualTo("模型" + Text.ELLIPSIS);
    }
}
