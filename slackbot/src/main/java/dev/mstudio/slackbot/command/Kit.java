package dev.mstudio.slackbot.command;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.mstudio.slackbot.blocks.SlackText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit building blocks with Slack's limits applied: every text is escaped where it comes from
 * data and clipped to what Slack accepts, so a formatter cannot produce a message Slack rejects.
 */
final class Kit {
    static final int MAX_BLOCKS = 50;
    static final int MAX_TEXT = 3000;
    static final int MAX_FIELD = 2000;
    static final int MAX_FIELDS = 10;
    static final int MAX_HEADER = 150;
    static final int MAX_CONTEXT_ELEMENTS = 10;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_BUTTON_VALUE = 2000;
    static final int MAX_CONFIRM_TEXT = 300;
    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Kit() {
    }

    /** Escapes the three characters mrkdwn treats as control characters. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code text} cut to at most {@code max} characters, ending in "…" when cut; never inside an entity or pair. */
    static String clip(String text, int max) {
        return SlackText.clip(text, max);
    }

    /** A time as Slack renders it in the reader's own time zone, with a UTC fallback. */
    static String date(Instant time) {
        return "<!date^" + time.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(time) + ">";
    }

    static HeaderBlock header(String text) {
        return HeaderBlock.builder().text(plain(clip(text, MAX_HEADER))).build();
    }

    static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(markdown(clip(mrkdwn, MAX_TEXT))).build();
    }

    static SectionBlock section(String mrkdwn, BlockElement accessory) {
        return SectionBlock.builder().text(markdown(clip(mrkdwn, MAX_TEXT))).accessory(accessory).build();
    }

    /** A two-column section; at most {@link #MAX_FIELDS} fields, each clipped. */
    static SectionBlock fields(List<String> mrkdwnFields) {
        List<TextObject> fields = new ArrayList<>();
        for (String field : mrkdwnFields.subList(0, Math.min(MAX_FIELDS, mrkdwnFields.size()))) {
            fields.add(markdown(clip(field, MAX_FIELD)));
        }
        return SectionBlock.builder().fields(fields).build();
    }

    static ContextBlock context(List<String> mrkdwnElements) {
        List<ContextBlockElement> elements = new ArrayList<>();
        for (String element : mrkdwnElements.subList(0, Math.min(MAX_CONTEXT_ELEMENTS, mrkdwnElements.size()))) {
            elements.add(markdown(clip(element, MAX_TEXT)));
        }
        return ContextBlock.builder().elements(elements).build();
    }

    static ActionsBlock actions(List<BlockElement> buttons) {
        return ActionsBlock.builder().elements(List.copyOf(buttons)).build();
    }

    /** A button; {@code style} is "primary", "danger" or null. */
    static ButtonElement button(String text, String actionId, String value, String style) {
        return ButtonElement.builder().text(plain(clip(text, MAX_BUTTON_TEXT))).actionId(actionId)
                .value(clip(value, MAX_BUTTON_VALUE)).style(style).build();
    }

    /** A button that asks Slack's own "are you sure?" dialog before it reaches the bot. */
    static ButtonElement dangerButton(String text, String actionId, String value, String question) {
        ConfirmationDialogObject dialog = ConfirmationDialogObject.builder().title(plain("Are you sure?"))
                .text(markdown(clip(question, MAX_CONFIRM_TEXT))).confirm(plain(clip(text, 30)))
                .deny(plain("Keep it")).style("danger").build();
        return ButtonElement.builder().text(plain(clip(text, MAX_BUTTON_TEXT))).actionId(actionId)
                .value(clip(value, MAX_BUTTON_VALUE)).style("danger").confirm(dialog).build();
    }

    static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text.isEmpty() ? " " : text).emoji(true).build();
    }

    static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text.isEmpty() ? " " : text).build();
    }

    /**
     * Splits lines into chunks that each fit {@code max} characters once wrapped by
     * {@code prefix}/{@code suffix}; a single line longer than that is clipped.
     */
    static List<String> chunks(List<String> lines, int max, String prefix, String suffix) {
        int room = max - prefix.length() - suffix.length();
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String raw : lines) {
            String line = clip(raw, room);
            if (chunk.length() > 0 && chunk.length() + 1 + line.length() > room) {
                chunks.add(prefix + chunk + suffix);
                chunk.setLength(0);
            }
            if (chunk.length() > 0) {
                chunk.append('\n');
            }
            chunk.append(line);
        }
        if (chunk.length() > 0) {
            chunks.add(prefix + chunk + suffix);
        }
        return chunks;
    }
}
