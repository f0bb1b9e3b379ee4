package dev.mstudio.slackbot.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The limits Slack checks before it accepts a message, written out here on their own (not shared
 * with the bot's builder, so a mistake in one is caught by the other): the answer is the error
 * Slack gives ({@code msg_too_long}, {@code invalid_blocks}, {@code no_text}) or null.
 */
final class BlockKitRules {
    private static final int TEXT = 40_000;
    private static final int BLOCKS = 50;
    private static final int SECTION = 3_000;
    private static final int FIELDS = 10;
    private static final int FIELD = 2_000;
    private static final int HEADER = 150;
    private static final int CONTEXT_ELEMENTS = 10;
    private static final int ACTION_ELEMENTS = 25;
    private static final int BUTTON_TEXT = 75;
    private static final int BUTTON_VALUE = 2_000;
    private static final int ID = 255;
    private static final Set<String> TEXT_TYPES = Set.of("plain_text", "mrkdwn");

    private BlockKitRules() {
    }

    /** What Slack would refuse in a message's parameters, or null when it is acceptable. */
    static String check(JsonNode params, boolean needsText) {
        JsonNode textNode = params.path("text");
        String text = textNode.isValueNode() ? textNode.asText() : textNode.isContainerNode() ? textNode.toString() : "";
        JsonNode blocks = params.path("blocks");
        if (text.length() > TEXT) {
            return "msg_too_long";
        }
        boolean hasBlocks = blocks.isArray() && !blocks.isEmpty();
        if (needsText && !hasBlocks && text.isBlank() && !params.path("attachments").isArray()) {
            return "no_text";
        }
        if (!blocks.isMissingNode() && !blocks.isNull() && !validBlocks(blocks)) {
            return "invalid_blocks";
        }
        return null;
    }

    private static boolean validBlocks(JsonNode blocks) {
        if (!blocks.isArray() || blocks.size() > BLOCKS) {
            return false;
        }
        for (JsonNode block : blocks) {
            if (!block.isObject() || block.path("block_id").asText("").length() > ID || !validBlock(block)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validBlock(JsonNode block) {
        return switch (block.path("type").asText("")) {
            case "section" -> section(block);
            case "header" -> textObject(block.path("text"), HEADER, true);
            case "context" -> list(block.path("elements"), CONTEXT_ELEMENTS, BlockKitRules::contextElement);
            case "actions" -> list(block.path("elements"), ACTION_ELEMENTS, BlockKitRules::element);
            case "divider", "image", "rich_text", "input", "file", "video" -> true;
            default -> false;
        };
    }

    private static boolean section(JsonNode block) {
        JsonNode text = block.path("text");
        JsonNode fields = block.path("fields");
        if (text.isMissingNode() && fields.isMissingNode()) {
            return false;
        }
        if (!text.isMissingNode() && !textObject(text, SECTION, false)) {
            return false;
        }
        if (!fields.isMissingNode() && !list(fields, FIELDS, f -> textObject(f, FIELD, false))) {
            return false;
        }
        return block.path("accessory").isMissingNode() || element(block.path("accessory"));
    }

    private static boolean contextElement(JsonNode element) {
        return "image".equals(element.path("type").asText()) || textObject(element, SECTION, false);
    }

    private static boolean element(JsonNode element) {
        if (!"button".equals(element.path("type").asText())) {
            return element.isObject();
        }
        JsonNode value = element.path("value");
        return textObject(element.path("text"), BUTTON_TEXT, true)
                && element.path("action_id").asText("").length() <= ID
                && (value.isMissingNode() || value.asText().length() <= BUTTON_VALUE);
    }

    /** A text object: its type, 1..max characters, plain_text only when {@code plainOnly}. */
    private static boolean textObject(JsonNode node, int max, boolean plainOnly) {
        String type = node.path("type").asText("");
        String text = node.path("text").asText("");
        boolean typeOk = plainOnly ? "plain_text".equals(type) : TEXT_TYPES.contains(type);
        return typeOk && node.path("text").isTextual() && !text.isEmpty() && text.length() <= max;
    }

    private static boolean list(JsonNode items, int max, Predicate<JsonNode> valid) {
        if (!items.isArray() || items.isEmpty() || items.size() > max) {
            return false;
        }
        for (JsonNode item : items) {
            if (!valid.test(item)) {
                return false;
            }
        }
        return true;
    }
}
