package dev.mstudio.slackbot.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each Slack limit, met with an input exactly one over it. */
class MessageBuilderTest {
    private final MessageBuilder message = new MessageBuilder().text("fallback");

    @Test
    void section_oneCharOver3000_isClippedTo3000() {
        message.section("s".repeat(Limits.SECTION_TEXT + 1));

        assertThat(block(0).path("text").path("text").asText()).hasSize(Limits.SECTION_TEXT).endsWith("…");
    }

    @Test
    void fields_elevenFields_keepTen_andA2001CharField_isClipped() {
        List<String> fields = Collections.nCopies(Limits.FIELDS + 1, "f".repeat(Limits.FIELD_TEXT + 1));

        message.section("x", fields);

        JsonNode built = block(0).path("fields");
        assertThat(built).hasSize(Limits.FIELDS);
        built.forEach(f -> assertThat(f.path("text").asText()).hasSize(Limits.FIELD_TEXT));
    }

    @Test
    void header_151Chars_isClippedTo150() {
        message.header("h".repeat(Limits.HEADER_TEXT + 1));

        assertThat(block(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(block(0).path("text").path("text").asText()).hasSize(Limits.HEADER_TEXT);
    }

    @Test
    void the51stBlock_isRefused() {
        IntStream.range(0, Limits.BLOCKS).forEach(i -> assertThat(message.section("b" + i)).isTrue());

        assertThat(message.section("one too many")).isFalse();
        assertThat(message.build().blocks()).hasSize(Limits.BLOCKS);
    }

    @Test
    void text_40001Chars_isClippedTo40000() {
        SlackMessage built = new MessageBuilder().text("t".repeat(Limits.MESSAGE_TEXT + 1)).build();

        assertThat(built.text()).hasSize(Limits.MESSAGE_TEXT);
    }

    @Test
    void text_missing_isMadeFromTheBlocks() {
        MessageBuilder noText = new MessageBuilder();
        noText.section("*hello* world");

        assertThat(noText.build().text()).isEqualTo("*hello* world");
        assertThat(new MessageBuilder().build().text()).isNotBlank();
    }

    @Test
    void button_76CharText_and2001CharValue_areClipped() {
        var button = MessageBuilder.button("b".repeat(Limits.BUTTON_TEXT + 1), "act", "v".repeat(Limits.BUTTON_VALUE + 1),
                "primary");

        assertThat(button.path("text").path("text").asText()).hasSize(Limits.BUTTON_TEXT);
        assertThat(button.path("value").asText()).hasSize(Limits.BUTTON_VALUE);
    }

    @Test
    void context_11Elements_keepTen() {
        message.context(Collections.nCopies(Limits.CONTEXT_ELEMENTS + 1, "c"));

        assertThat(block(0).path("elements")).hasSize(Limits.CONTEXT_ELEMENTS);
    }

    @Test
    void actions_26Buttons_keep25() {
        message.actions(IntStream.range(0, Limits.ACTION_ELEMENTS + 1)
                .mapToObj(i -> MessageBuilder.button("b" + i, "a" + i, null, null)).toList());

        assertThat(block(0).path("elements")).hasSize(Limits.ACTION_ELEMENTS);
    }

    private JsonNode block(int i) {
        return message.build().blocks().get(i);
    }
}
