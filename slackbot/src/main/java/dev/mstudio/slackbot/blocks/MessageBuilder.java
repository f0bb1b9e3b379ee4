package dev.mstudio.slackbot.blocks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds a Block Kit message as JSON within Slack's limits by construction: texts are clipped
 * (never inside an entity or a surrogate pair), lists are cut to their maximum, a block beyond
 * the 50th is refused ({@code false}), and the top-level {@code text} is always present.
 * Mrkdwn arguments are already escaped (build them with {@link SlackText#escape} or
 * {@link SlackText#mrkdwn}); plain-text arguments are raw.
 *
 * <pre>{@code
 * MessageBuilder message = new MessageBuilder().text("Import job is " + status);
 * message.section("*Import job* is " + SlackText.escape(status));
 * SlackMessage built = message.build();
 * }</pre>
 */
public final class MessageBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode blocks = JSON.createArrayNode();
    private String text;

    /** The top-level fallback text from raw text: escaped, clipped to {@link Limits#MESSAGE_TEXT}. */
    public MessageBuilder text(String raw) {
        this.text = SlackText.mrkdwn(raw, Limits.MESSAGE_TEXT);
        return this;
    }

    /** The top-level fallback text, already escaped mrkdwn, clipped to {@link Limits#MESSAGE_TEXT}. */
    public MessageBuilder escapedText(String mrkdwn) {
        this.text = SlackText.clip(mrkdwn, Limits.MESSAGE_TEXT);
        return this;
    }

    /** Blocks that can still be added. */
    public int room() {
        return Limits.BLOCKS - blocks.size();
    }

    /** Adds a header block; false when the message is full. */
    public boolean header(String plain) {
        ObjectNode header = JSON.createObjectNode().put("type", "header");
        header.set("text", plainText(plain, Limits.HEADER_TEXT));
        return add(header);
    }

    /** Adds a section; false when the message is full. */
    public boolean section(String mrkdwn) {
        return section(mrkdwn, List.of());
    }

    /** Adds a section with up to {@link Limits#FIELDS} fields (blank ones skipped); false when the message is full. */
    public boolean section(String mrkdwn, List<String> mrkdwnFields) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        section.set("text", mrkdwnText(mrkdwn, Limits.SECTION_TEXT));
        List<String> kept = mrkdwnFields.stream().filter(f -> f != null && !f.isBlank()).limit(Limits.FIELDS)
                .toList();
        if (!kept.isEmpty()) {
            ArrayNode fields = section.putArray("fields");
            kept.forEach(f -> fields.add(mrkdwnText(f, Limits.FIELD_TEXT)));
        }
        return add(section);
    }

    /** Adds a context block of up to {@link Limits#CONTEXT_ELEMENTS} mrkdwn elements; false when full. */
    public boolean context(List<String> mrkdwnElements) {
        ObjectNode context = JSON.createObjectNode().put("type", "context");
        ArrayNode elements = context.putArray("elements");
        mrkdwnElements.stream().limit(Limits.CONTEXT_ELEMENTS)
                .forEach(e -> elements.add(mrkdwnText(e, Limits.SECTION_TEXT)));
        return !elements.isEmpty() && add(context);
    }

    /** Adds an actions block of up to {@link Limits#ACTION_ELEMENTS} elements (see {@link #button}); false when full. */
    public boolean actions(List<ObjectNode> elements) {
        ObjectNode actions = JSON.createObjectNode().put("type", "actions");
        ArrayNode kept = actions.putArray("elements");
        elements.stream().limit(Limits.ACTION_ELEMENTS).forEach(kept::add);
        return !kept.isEmpty() && add(actions);
    }

    /** A button: text clipped to {@link Limits#BUTTON_TEXT}, value to {@link Limits#BUTTON_VALUE}; style may be null. */
    public static ObjectNode button(String plain, String actionId, String value, String style) {
        ObjectNode button = JSON.createObjectNode().put("type", "button");
        button.set("text", plainText(plain, Limits.BUTTON_TEXT));
        button.put("action_id", SlackText.plain(actionId, Limits.ACTION_ID));
        if (value != null) {
            button.put("value", SlackText.plain(value, Limits.BUTTON_VALUE));
        }
        if (style != null) {
            button.put("style", style);
        }
        return button;
    }

    /** The message; without a text, the blocks' texts stand in for it. */
    public SlackMessage build() {
        String fallback = text;
        if (fallback == null || fallback.isBlank()) {
            StringBuilder joined = new StringBuilder();
            blocks.findValues("text").forEach(t -> joined.append(t.isTextual() ? t.asText() : t.path("text").asText())
                    .append('\n'));
            fallback = SlackText.clip(joined.toString().strip(), Limits.MESSAGE_TEXT);
        }
        return new SlackMessage(fallback.isBlank() ? SlackText.ELLIPSIS : fallback, blocks.deepCopy());
    }

    private boolean add(ObjectNode block) {
        if (blocks.size() >= Limits.BLOCKS) {
            return false;
        }
        blocks.add(block);
        return true;
    }

    private static ObjectNode mrkdwnText(String mrkdwn, int max) {
        String clipped = SlackText.clip(mrkdwn, max);
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", clipped.isEmpty() ? " " : clipped);
    }

    private static ObjectNode plainText(String plain, int max) {
        String clipped = SlackText.plain(plain, max);
        return JSON.createObjectNode().put("type", "plain_text").put("text", clipped.isBlank() ? " " : clipped)
                .put("emoji", true);
    }
}
