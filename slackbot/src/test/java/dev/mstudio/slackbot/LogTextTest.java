package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void oneLine_escapesEveryWayToStartANewLine() {
        String text = LogText.oneLine("a\nb\rc\u2028d\u2029e\u0085f\u001b[31mg\u200eh");

        assertThat(text).isEqualTo("a\\u000ab\\u000dc\\u2028d\\u2029e\\u0085f\\u001b[31mg\\u200eh");
        assertThat(text.lines()).hasSize(1);
    }

    @Test
    void oneLine_clipsLongText_andKeepsOrdinaryText() {
        assertThat(LogText.oneLine("x".repeat(1_000))).hasSize(201).endsWith("…");
        assertThat(LogText.oneLine("Import job ✓ ok")).isEqualTo("Import job ✓ ok");
        assertThat(LogText.oneLine(null)).isEqualTo("null");
    }
}
