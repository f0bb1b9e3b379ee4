package dev.mstudio.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.json.JsonTrees;

/**
 * The sandbox's JSON: trees through {@link JsonTrees} (no {@code ObjectMapper}, whose start-up cost
 * would dominate the sandbox's), request bodies parsed into InvalidParameter errors, the API's times.
 */
public final class Json {

    private Json() {
    }

    public static ObjectNode object() {
        return JsonTrees.object();
    }

    public static ArrayNode array() {
        return JsonTrees.array();
    }

    public static String iso(long epochMs) {
        return TimeFormats.iso(epochMs);
    }

    public static String plain(long epochMs) {
        return TimeFormats.plain(epochMs);
    }

    public static String minute(long epochMs) {
        return TimeFormats.minute(epochMs);
    }

    public static String day(long epochMs) {
        return TimeFormats.day(epochMs);
    }

    static byte[] bytes(JsonNode node) {
        return JsonTrees.bytes(node);
    }

    /** Parses a request body; malformed JSON is the caller's mistake, so it is InvalidParameter. */
    public static JsonNode parse(String text) {
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
