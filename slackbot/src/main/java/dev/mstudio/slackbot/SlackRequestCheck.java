package dev.mstudio.slackbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mstudio.slackbot.FormBody.Malformed;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * What a signed request must be before Bolt reads it: UTF-8 (or no charset named), a strictly
 * well-formed form (or a JSON object), and for an interaction a payload with the parts Bolt takes
 * for granted ({@code type}, {@code user.id}, for block actions a non-empty {@code actions} list with
 * an {@code action_id} each). Anything else is {@link Malformed}, with a reason of our own words.
 */
final class SlackRequestCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackRequestCheck() {
    }

    static void check(String contentType, String query, byte[] body) throws Malformed {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        requireUtf8(type);
        FormBody.parse(query);
        String text = FormBody.utf8(body, "the body");
        if (type.startsWith("application/json")) {
            requireObject(text, "the JSON body");
            return;
        }
        Map<String, String> form = FormBody.parse(text);
        if (form.containsKey("payload")) {
            interaction(form.get("payload"));
        } else if (!form.containsKey("command") && !form.containsKey("ssl_check")) {
            throw new Malformed("the form has neither a command nor a payload");
        }
    }

    private static void requireUtf8(String contentType) throws Malformed {
        int at = contentType.indexOf("charset=");
        if (at < 0) {
            return;
        }
        String name = contentType.substring(at + "charset=".length()).split(";", 2)[0].trim().replace("\"", "");
        try {
            Charset charset = Charset.forName(name);
            if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
                throw new Malformed("the body's charset is not UTF-8");
            }
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new Malformed("the body names an unknown charset");
        }
    }

    private static void interaction(String payloadText) throws Malformed {
        JsonNode payload = requireObject(payloadText, "the payload");
        if (!payload.path("type").isTextual()) {
            throw new Malformed("the payload has no type");
        }
        if (!payload.path("user").path("id").isTextual()) {
            throw new Malformed("the payload has no user.id");
        }
        if ("block_actions".equals(payload.path("type").asText())) {
            JsonNode actions = payload.path("actions");
            if (!actions.isArray() || actions.isEmpty()) {
                throw new Malformed("the payload has no actions");
            }
            for (JsonNode action : actions) {
                if (!action.path("action_id").isTextual()) {
                    throw new Malformed("an action has no action_id");
                }
            }
        }
    }

    private static JsonNode requireObject(String text, String what) throws Malformed {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new Malformed(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Malformed(what + " is not JSON");
        }
    }
}
