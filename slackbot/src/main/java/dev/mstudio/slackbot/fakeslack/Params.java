package dev.mstudio.slackbot.fakeslack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A request's parameters as one JSON object: query string, form body or JSON body, token dropped. */
final class Params {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SECRET = Set.of("token", "client_secret");

    private Params() {
    }

    static ObjectNode parse(String query, String contentType, String body) {
        ObjectNode params = JSON.createObjectNode();
        addForm(params, query);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            addJson(params, body);
        } else if (type.startsWith("application/x-www-form-urlencoded") || !body.isBlank()) {
            addForm(params, body);
        }
        SECRET.forEach(params::remove);
        return params;
    }

    /** A text field, or null when absent or not text. */
    static String text(JsonNode params, String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static void addForm(ObjectNode params, String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                params.set(name, valueNode(value));
            }
        }
    }

    /** JSON-looking values (blocks, attachments, metadata, view) are parsed; everything else stays text. */
    private static JsonNode valueNode(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException notJson) {
                return JSON.getNodeFactory().textNode(value);
            }
        }
        return JSON.getNodeFactory().textNode(value);
    }

    private static void addJson(ObjectNode params, String body) {
        if (body.isBlank()) {
            return;
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode value = field.getValue();
                    params.set(field.getKey(), value.isTextual() ? valueNode(value.asText()) : value);
                }
            }
        } catch (JsonProcessingException e) {
            params.put("_unparsed", true);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
