package dev.mstudio.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON text to Jackson trees and back with the streaming API alone: the trees
 * {@code ObjectMapper.readTree} builds and the bytes {@code writeValueAsBytes} writes, without an
 * {@code ObjectMapper}, whose set-up (configuration, type factory, serializer caches, the calendar
 * and locale data of its date format) costs more CPU than all the JSON work of a short run or of
 * the sandbox's start. {@code JsonTreesTest} holds the two to the same results.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * The tree of one JSON value, as {@code readTree} builds it with {@code FAIL_ON_TRAILING_TOKENS}
     * (integers as int, long or big integer nodes by size, other numbers as doubles, the last of
     * repeated names kept); null when {@code text} holds only whitespace.
     *
     * @throws JsonProcessingException when the text is not one JSON value ({@code JsonEOFException} when it is cut off)
     */
    public static JsonNode read(String text) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the value.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String is read without I/O
        }
    }

    /** The compact JSON text of {@code node}, in UTF-8. */
    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is written without I/O
        }
        return out.toByteArray();
    }

    private static JsonNode read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    object.set(name, read(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
                    array.add(read(p, next));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected " + token);
        }
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case NUMBER -> writeNumber(g, node);
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            default -> g.writeString(node.asText());
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isBigInteger()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isIntegralNumber()) {
            g.writeNumber(node.longValue());
        } else if (node.isBigDecimal()) {
            g.writeNumber(node.decimalValue());
        } else if (node.isFloat()) {
            g.writeNumber(node.floatValue());
        } else {
            g.writeNumber(node.doubleValue());
        }
    }
}
