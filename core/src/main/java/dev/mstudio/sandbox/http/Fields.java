package dev.mstudio.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed reads of request body fields, failing with InvalidParameter messages that name the field. */
public final class Fields {

    private Fields() {
    }

    public static String requiredString(ObjectNode body, String field) {
        return requiredString(body, field, field);
    }

    public static String requiredString(ObjectNode body, String field, String label) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            throw ApiError.invalid("Missing required parameter: " + label + ".");
        }
        if (!node.isTextual()) {
            throw ApiError.invalid(label + " must be a string.");
        }
        return node.asText().trim();
    }

    public static String optionalString(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.invalid(field + " must be a string.");
        }
        return node.asText().trim();
    }

    /** An integer given as a JSON integer or a string of digits, within {@code [min, max]}. */
    public static int intIn(JsonNode node, String label, int min, int max) {
        long value;
        if (node.isNumber() && node.canConvertToExactIntegral()) {
            value = node.asLong();
        } else if (node.isTextual() && node.asText().trim().matches("-?\\d{1,12}")) {
            value = Long.parseLong(node.asText().trim());
        } else {
            throw ApiError.invalid(label + " must be an integer.");
        }
        if (value < min || value > max) {
            throw ApiError.invalid(label + " must be between " + min + " and " + max + "; got " + value + ".");
        }
        return (int) value;
    }

    /** A number given as a JSON number or a numeric string. */
    public static double number(JsonNode node, String label) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                double value = Double.parseDouble(node.asText().trim());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                throw ApiError.invalid(label + " must be a number; got \"" + node.asText() + "\".");
            }
        }
        throw ApiError.invalid(label + " must be a number.");
    }

    /** A JSON boolean. */
    public static boolean bool(JsonNode node, String label) {
        if (!node.isBoolean()) {
            throw ApiError.invalid(label + " must be true or false.");
        }
        return node.asBoolean();
    }
}
