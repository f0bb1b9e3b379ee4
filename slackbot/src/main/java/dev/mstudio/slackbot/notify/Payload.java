package dev.mstudio.slackbot.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What one outbox entry sends, rendered when the state change happened.
 *
 * @param text      the message text (fallback for notifications)
 * @param blocks    Block Kit blocks (a JSON array), or null
 * @param broadcast for a thread reply: also show it in the channel
 * @param line      one line about the job for a digest, or null
 */
record Payload(String text, JsonNode blocks, boolean broadcast, String line, java.util.List<Long> stamp) {
    static final ObjectMapper JSON = new ObjectMapper();

    Payload {
        Objects.requireNonNull(text, "text");
        stamp = stamp == null ? java.util.List.of() : java.util.List.copyOf(stamp);
    }

    Payload(String text, JsonNode blocks, boolean broadcast, String line) {
        this(text, blocks, broadcast, line, null);
    }

    /**
     * This payload carrying, as Slack message metadata, the outbox entries one call delivers: after
     * an answer is lost, the bot finds the message by them instead of posting it again.
     */
    Payload stamped(java.util.List<Long> ids) {
        return new Payload(text, blocks, broadcast, line, ids);
    }

    String blocksJson() {
        return blocks == null || blocks.isEmpty() ? null : blocks.toString();
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", text);
        if (blocks != null) {
            node.set("blocks", blocks);
        }
        node.put("broadcast", broadcast);
        if (line != null) {
            node.put("line", line);
        }
        return node.toString();
    }

    static Payload fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode blocks = node.get("blocks");
            return new Payload(node.path("text").asText(""), blocks, node.path("broadcast").asBoolean(false),
                    node.hasNonNull("line") ? node.get("line").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable outbox payload", e);
        }
    }
}
