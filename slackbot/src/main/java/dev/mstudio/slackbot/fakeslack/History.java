package dev.mstudio.slackbot.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages posted, as conversations.history and conversations.replies return them: newest
 * first, a thread's replies under their parent, metadata only when asked for with
 * {@code include_all_metadata}. Thread-safe.
 */
final class History {
    private static final int MAX_LIMIT = 1000;

    private record Posted(String channel, String ts, String threadTs, String text, JsonNode metadata) {
    }

    private final List<Posted> posted = new ArrayList<>();

    synchronized void add(String channel, String ts, JsonNode params) {
        JsonNode metadata = params.get("metadata");
        if (metadata != null && metadata.isTextual()) {
            try {
                metadata = Params.JSON.readTree(metadata.asText());
            } catch (java.io.IOException e) {
                metadata = null;
            }
        }
        posted.add(new Posted(channel, ts, Params.text(params, "thread_ts"), Params.text(params, "text"), metadata));
    }

    /** conversations.history: the channel's top-level messages at or after {@code oldest}, newest first. */
    synchronized ObjectNode history(JsonNode params) {
        String channel = Params.text(params, "channel");
        double oldest = number(Params.text(params, "oldest"), 0);
        List<Posted> matching = new ArrayList<>();
        for (Posted message : posted) {
            if (message.channel.equals(channel) && message.threadTs == null && Double.parseDouble(message.ts) >= oldest) {
                matching.add(0, message);
            }
        }
        return page(matching, params);
    }

    /** conversations.replies: the thread's parent, then its replies, oldest first. */
    synchronized ObjectNode replies(JsonNode params) {
        String channel = Params.text(params, "channel");
        String thread = Params.text(params, "ts");
        List<Posted> matching = new ArrayList<>();
        for (Posted message : posted) {
            if (message.channel.equals(channel) && (message.ts.equals(thread) || thread != null
                    && thread.equals(message.threadTs))) {
                matching.add(message);
            }
        }
        return page(matching, params);
    }

    private static ObjectNode page(List<Posted> matching, JsonNode params) {
        int limit = (int) Math.max(1, Math.min(MAX_LIMIT, number(Params.text(params, "limit"), 100)));
        int from = (int) number(Params.text(params, "cursor"), 0);
        String asked = Params.text(params, "include_all_metadata");
        boolean metadata = "true".equals(asked) || "1".equals(asked);
        ObjectNode answer = Params.JSON.createObjectNode().put("ok", true);
        ArrayNode messages = answer.putArray("messages");
        int to = Math.min(matching.size(), from + limit);
        for (Posted message : matching.subList(Math.min(from, to), to)) {
            ObjectNode node = messages.addObject().put("type", "message").put("ts", message.ts)
                    .put("text", message.text == null ? "" : message.text).put("user", "U0FAKE");
            if (message.threadTs != null) {
                node.put("thread_ts", message.threadTs);
            }
            if (metadata && message.metadata != null) {
                node.set("metadata", message.metadata);
            }
        }
        answer.put("has_more", to < matching.size());
        answer.putObject("response_metadata").put("next_cursor", to < matching.size() ? String.valueOf(to) : "");
        return answer;
    }

    private static double number(String text, double fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
