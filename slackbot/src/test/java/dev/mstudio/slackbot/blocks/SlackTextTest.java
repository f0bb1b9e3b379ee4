package dev.mstudio.slackbot.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void mrkdwn_clipsTheRawTextBeforeEscaping_soNoEntityIsCut() {
        String raw = "a".repeat(2_996) + "<b>";

        String text = SlackText.mrkdwn(raw, Limits.SECTION_TEXT);

        assertThat(text).hasSizeLessThanOrEqualTo(Limits.SECTION_TEXT).endsWith("…")
                .isEqualTo("a".repeat(2_996) + "…");
    }

    @Test
    void mrkdwn_exactlyAtTheLimitOnceEscaped_isKeptWhole() {
        String raw = "a".repeat(2_995) + "&";

        assertThat(SlackText.mrkdwn(raw, Limits.SECTION_TEXT)).isEqualTo("a".repeat(2_995) + "&amp;")
                .hasSize(Limits.SECTION_TEXT);
    }

    @Test
    void clip_oneOverTheLimit_neverEndsInsideAnEntity() {
        String escaped = SlackText.escape("x".repeat(2_997) + "&<");

        String clipped = SlackText.clip(escaped, Limits.SECTION_TEXT);

        assertThat(escaped).hasSizeGreaterThan(Limits.SECTION_TEXT);
        assertThat(clipped).hasSizeLessThanOrEqualTo(Limits.SECTION_TEXT).isEqualTo("x".repeat(2_997) + "…")
                .doesNotContain("&l", "&a");
    }

    @Test
    void clip_neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE80";
        String text = "x".repeat(2_998) + emoji + "y";

        String clipped = SlackText.clip(text, Limits.SECTION_TEXT);

        assertThat(clipped).isEqualTo("x".repeat(2_998) + "…");
        assertThat(Character.isHighSurrogate(clipped.charAt(clipped.length() - 2))).isFalse();
    }

    @Test
    void clip_keepsAMentionOrDateTokenWhole() {
        String text = "y".repeat(2_990) + "<@U0123456789>";

        assertThat(SlackText.clip(text, Limits.SECTION_TEXT)).isEqualTo("y".repeat(2_990) + "…");
    }

    @Test
    void clip_atTheLimit_isUnchanged() {
        String text = "z".repeat(Limits.SECTION_TEXT);

        assertThat(SlackText.clip(text, Limits.SECTION_TEXT)).isSameAs(text);
    }

    @Test
    void split_losesNothing_andCutsAtLineBreaksOrBetweenEntities() {
        String text = SlackText.escape(("line & <tag> " + "w".repeat(80) + "\n").repeat(1_000));

        List<String> pieces = SlackText.split(text, Limits.MESSAGE_TEXT);

        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(40_000));
        assertThat(String.join("\n", pieces)).isEqualTo(text);
    }

    @Test
    void split_withoutLineBreaks_cutsBetweenEntities() {
        String text = SlackText.escape("&".repeat(10_001));

        List<String> pieces = SlackText.split(text, 1_001);

        assertThat(pieces).allSatisfy(p -> assertThat(p).matches("(&amp;)+"));
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void unescape_undoesEscape_evenOfTextThatLooksEscaped() {
        String raw = "watch <#C1|general> & --model a&lt;b";

        assertThat(SlackText.unescape(SlackText.escape(raw))).isEqualTo(raw);
        assertThat(SlackText.unescape("imports --model &lt;x&gt; &amp;amp;")).isEqualTo("imports --model <x> &amp;");
    }
}
