package dev.mstudio.slackbot.fakeslack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block Kit and mrkdwn as the sandbox echo shows them. */
class BlockTextTest {

    @Test
    void lines_sectionWithAccessoryDividerAndUnknownBlocks_showsTextButtonRuleAndType() throws Exception {
        JsonNode blocks = json("""
                [{"type":"section","text":{"type":"mrkdwn","text":"*Import jobs*\\nrow 1\\nrow 2"},
                  "accessory":{"type":"button","text":{"type":"plain_text","text":"More"},
                               "action_id":"mstudio_more","value":"t1:20"}},
                 {"type":"divider"},
                 {"type":"image","image_url":"https://example.invalid/x.png","alt_text":"chart"},
                 {"type":"actions","elements":[{"type":"static_select","action_id":"pick",
                   "placeholder":{"type":"plain_text","text":"Model"}}]}]""");

        assertThat(BlockText.lines(blocks)).containsExactly("Import jobs", "row 1", "row 2",
                "[More] action_id=mstudio_more value='t1:20'", "---", "[image]", "[static_select: Model] action_id=pick");
    }

    @Test
    void lines_fields_areTwoToALineWithTheFirstColumnAligned() throws Exception {
        JsonNode blocks = json("""
                [{"type":"section","fields":[{"type":"mrkdwn","text":"*job_id*\\n`imp-1`"},
                  {"type":"mrkdwn","text":"*status*\\n:x: FAILED"},{"type":"mrkdwn","text":"*dataset*\\ntrain.jsonl"},
                  {"type":"plain_text","text":"rows: 12"},{"type":"mrkdwn","text":"*note*\\nline one\\nline two"}]}]""");

        assertThat(BlockText.lines(blocks)).containsExactly(
                "job_id: `imp-1`        status: :x: FAILED",
                "dataset: train.jsonl   rows: 12",
                "note: line one line two");
    }

    @Test
    void lines_fieldsInSeveralSections_lineUpAcrossSections() throws Exception {
        JsonNode blocks = json("""
                [{"type":"section","fields":[{"type":"plain_text","text":"a: 1"},{"type":"plain_text","text":"b: 2"}]},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"between"}]},
                 {"type":"section","fields":[{"type":"plain_text","text":"longer: 3"},{"type":"plain_text","text":"c: 4"}]}]""");

        assertThat(BlockText.lines(blocks)).containsExactly("a: 1        b: 2", "(between)", "longer: 3   c: 4");
    }

    @Test
    void lines_veryLongFirstField_isNotPaddedBeyondTheColumn() throws Exception {
        String longValue = "v".repeat(BlockText.COLUMN * 2);
        JsonNode blocks = json("[{\"type\":\"section\",\"fields\":[{\"type\":\"mrkdwn\",\"text\":\"*a*\\n"
                + longValue + "\"},{\"type\":\"mrkdwn\",\"text\":\"*b*\\nshort\"},"
                + "{\"type\":\"mrkdwn\",\"text\":\"*c*\\nx\"},{\"type\":\"mrkdwn\",\"text\":\"*d*\\ny\"}]}]");

        assertThat(BlockText.lines(blocks)).containsExactly("a: " + longValue + "   b: short",
                "c: x" + " ".repeat(BlockText.COLUMN - 4) + "   d: y");
    }

    @Test
    void quote_valueWithAQuote_pastesIntoAShell() {
        assertThat(BlockText.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void plain_emphasis_isStrippedOnlyWhereUnambiguous() {
        assertThat(Mrkdwn.plain("*Bold* and _italic_ text")).isEqualTo("Bold and italic text");
        assertThat(Mrkdwn.plain("2 * 3 * 4, a*b*c, snake_case_name, :hourglass_flowing_sand:"))
                .isEqualTo("2 * 3 * 4, a*b*c, snake_case_name, :hourglass_flowing_sand:");
        assertThat(Mrkdwn.plain("id `_x_ *y*` ```\n*kept*\n```")).isEqualTo("id `_x_ *y*` ```\n*kept*\n```");
    }

    @Test
    void plain_linksMentionsDatesAndEntities_becomeTheirText() {
        assertThat(Mrkdwn.plain("<https://example.invalid/j|console> <https://example.invalid/> <@U1> <#C1|ops> "
                + "<!here> <!date^1730220780^{date_short}|Oct 29>"))
                .isEqualTo("console (https://example.invalid/j) https://example.invalid/ @U1 #ops @here Oct 29");
        assertThat(Mrkdwn.plain("a &lt;b&gt; &amp;lt; `&lt;c&gt;`")).isEqualTo("a <b> &lt; `<c>`");
    }

    private static JsonNode json(String text) throws Exception {
        return Params.JSON.readTree(text);
    }
}
