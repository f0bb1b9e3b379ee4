package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant reads of JSON fields: a missing or null field is null, numbers that arrive as strings
 * still parse, strings that arrive as numbers are kept as text, and nothing here throws.
 */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** Scalars as text (a number becomes its plain decimal form); objects and arrays are null. */
    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null || value.isContainerNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.asText() : value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.asText();
    }

    static Integer integer(JsonNode node, String name) {
        Long value = longValue(node, name);
        return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    static Long longValue(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        String text = value.isNumber() ? value.decimalValue().toPlainString()
                : value.isTextual() ? value.asText().strip() : null;
        try {
            return text == null ? null : new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException notAWholeNumber) {
            return null;
        }
    }

    static Double doubleValue(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                return Double.valueOf(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** An array of scalars as strings; a lone string becomes a one-element list; otherwise empty. */
    static List<String> strings(JsonNode node, String name) {
        JsonNode value = field(node, name);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            if (value.isValueNode()) {
                out.add(value.asText());
            }
            return out;
        }
        for (JsonNode element : value) {
            if (element.isValueNode() && !element.isNull()) {
                out.add(element.asText());
            }
        }
        return out;
    }

    /** The first of {@code names} that holds an array, or null. */
    static JsonNode array(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = field(node, name);
            if (value != null && value.isArray()) {
                return value;
            }
        }
        return null;
    }
}
