package dev.mstudio.slackbot.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit as compact plain-text lines, for the sandbox echo: header {@code == text ==}, section
 * text, section fields as {@code name: value}, two to a line, context {@code (text)},
 * divider {@code ---}, one line per button ({@code [label] action_id=... value='...'}) and
 * {@code [type]} for anything else.
 */
final class BlockText {
    /** The first column of fields is padded to at most this width. */
    static final int COLUMN = 40;
    private static final String FIELD_GAP = "   ";

    private BlockText() {
    }

    /** The lines of a {@code blocks} array (nothing for a missing or empty one). */
    static List<String> lines(JsonNode blocks) {
        int column = column(blocks);
        List<String> lines = new ArrayList<>();
        for (JsonNode block : blocks) {
            lines.addAll(block(block, column));
        }
        return lines;
    }

    /** One block; {@code column} is the width the first column of fields is padded to. */
    private static List<String> block(JsonNode block, int column) {
        String type = block.path("type").asText("");
        return switch (type) {
            case "header" -> List.of("== " + flat(text(block.path("text"))) + " ==");
            case "section" -> section(block, column);
            case "context" -> List.of("(" + context(block.path("elements")) + ")");
            case "divider" -> List.of("---");
            case "actions" -> elements(block.path("elements"));
            default -> List.of("[" + (type.isEmpty() ? "?" : type) + "]");
        };
    }

    /** A text object's text: mrkdwn de-marked, plain_text as it is; "" when absent. */
    static String text(JsonNode textObject) {
        String text = textObject.path("text").asText("");
        return "mrkdwn".equals(textObject.path("type").asText()) ? Mrkdwn.plain(text) : text;
    }

    private static List<String> section(JsonNode section, int column) {
        List<String> lines = new ArrayList<>();
        if (section.has("text")) {
            lines.addAll(text(section.path("text")).lines().toList());
        }
        lines.addAll(fields(pairs(section.path("fields")), column));
        JsonNode accessory = section.path("accessory");
        if (accessory.isObject()) {
            lines.add(element(accessory));
        }
        return lines.isEmpty() ? List.of("[section]") : lines;
    }

    /**
     * The width of the first column of fields, shared by every section of the message so that they
     * line up: the longest left-hand field, at most {@link #COLUMN}.
     */
    private static int column(JsonNode blocks) {
        int column = 0;
        for (JsonNode block : blocks) {
            List<String> pairs = pairs(block.path("fields"));
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                column = Math.max(column, Math.min(COLUMN, pairs.get(i).length()));
            }
        }
        return column;
    }

    /** Each field as "name: value" (a field is "*name*\nvalue"). */
    private static List<String> pairs(JsonNode fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach(field -> pairs.add(field(text(field))));
        return pairs;
    }

    /** Two fields to a line, as Slack lays them out, the first padded to {@code column}. */
    private static List<String> fields(List<String> pairs, int column) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            String left = pairs.get(i);
            lines.add(i + 1 < pairs.size()
                    ? left + " ".repeat(Math.max(0, column - left.length())) + FIELD_GAP + pairs.get(i + 1) : left);
        }
        return lines;
    }

    private static String field(String text) {
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return flat(text);
        }
        String name = text.substring(0, newline).strip();
        String value = flat(text.substring(newline + 1));
        return name.endsWith(":") ? name + " " + value : name + ": " + value;
    }

    private static String context(JsonNode elements) {
        List<String> parts = new ArrayList<>();
        for (JsonNode element : elements) {
            String type = element.path("type").asText();
            parts.add("image".equals(type) ? "[image " + element.path("alt_text").asText("") + "]"
                    : flat(text(element)));
        }
        return String.join("  ", parts);
    }

    private static List<String> elements(JsonNode elements) {
        List<String> lines = new ArrayList<>();
        for (JsonNode element : elements) {
            lines.add(element(element));
        }
        return lines.isEmpty() ? List.of("[actions]") : lines;
    }

    /** One interactive element: a button with what {@code bot click} needs, or {@code [type]} and its id. */
    static String element(JsonNode element) {
        String type = element.path("type").asText("?");
        String label = element.has("text") ? flat(text(element.path("text")))
                : element.has("placeholder") ? type + ": " + flat(text(element.path("placeholder"))) : type;
        StringBuilder line = new StringBuilder("[").append(label).append(']');
        if (element.has("action_id")) {
            line.append(" action_id=").append(element.path("action_id").asText());
        }
        if (element.has("value")) {
            line.append(" value=").append(quote(element.path("value").asText()));
        }
        if (element.has("url")) {
            line.append(" url=").append(element.path("url").asText());
        }
        JsonNode confirm = element.path("confirm");
        if (confirm.isObject()) {
            String title = flat(text(confirm.path("title")));
            line.append(" confirm=").append(quote(title.isEmpty() ? flat(text(confirm.path("text"))) : title));
        }
        return line.toString();
    }

    /** Single-quoted as a shell would need it, so the value pastes into {@code bot click ID 'VALUE'}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String flat(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
