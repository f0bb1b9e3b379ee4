package dev.mstudio.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.json.JsonTrees;

/**
 * The sandbox's JSON: trees through {@link JsonTrees} (no {@code ObjectMapper}, whose start-up cost
 * would dominate the sandbox's), request bodies parsed into InvalidParameter errors, the API's times.
 */
final class Json {

    private Json() {
    }

    static ObjectNode object() {
        return JsonTrees.object();
    }

    static ArrayNode array() {
        return JsonTrees.array();
    }

    static String iso(long epochMs) {
        return Times.iso(epochMs);
    }

    static String plain(long epochMs) {
        return Times.plain(epochMs);
    }

    static String minute(long epochMs) {
        return Times.minute(epochMs);
    }

    static String day(long epochMs) {
        return Times.day(epochMs);
    }

    static byte[] bytes(JsonNode node) {
        return JsonTrees.bytes(node);
    }

    /** Parses a request body; malformed JSON is the caller's mistake, so it is InvalidParameter. */
    static JsonNode parse(String text) {
        try {
            JsonNode node = JsonTrees.read(text);
            if (node == null) {
                throw ApiError.invalid("The request body is not valid JSON: it is empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            throw ApiError.invalid("The request body is not valid JSON: "
                    + (detail == null ? "unexpected input" : detail.lines().findFirst().orElse(detail)));
        }
    }
}
