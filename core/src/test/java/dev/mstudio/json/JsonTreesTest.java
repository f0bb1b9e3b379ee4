package dev.mstudio.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader and writer give what ObjectMapper gives, node types included. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"output\":{\"jobs\":[{\"n\":1,\"d\":1.5,\"s\":\"x\",\"b\":true,\"f\":false,\"z\":null}],\"total\":2}}",
        "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-9223372036854775808}",
        "{\"e\":1e3,\"small\":1.0E-7,\"huge\":1e400,\"zero\":-0.0,\"exact\":0.1000000000000000055511151231257827}",
        "{\"a\":1,\"a\":{\"b\":[]},\"a\":\"last wins\"}",
        " [1, \"two\", [3, [4]], {}, [], null] ",
        "\"just a string\"",
        "42",
        "null",
        "{\"unicode\":\"\\u00e9\\ud83d\\ude00 tab\\t\",\"\":\"empty name\"}",
    })
    void read_givesTheTreeOfReadTree(String text) throws Exception {
        JsonNode expected = MAPPER.readTree(text);

        assertThat(JsonTrees.read(text)).isEqualTo(expected);
    }

    @Test
    void read_onlyWhitespace_isNull() throws Exception {
        assertThat(JsonTrees.read(" \n\t")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":", "{\"a\":1", "[1,2", "\"open"})
    void read_cutOff_isAnEofErrorAsForReadTree(String text) {
        assertThatThrownBy(() -> MAPPER.readTree(text)).isInstanceOf(JsonEOFException.class);
        assertThatThrownBy(() -> JsonTrees.read(text)).isInstanceOf(JsonEOFException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} {}", "{\"a\":1}}", "<html>", "{a:1}", "[1,]", "{\"a\":1} x", "tru"})
    void read_notOneJsonValue_failsAsReadTreeDoes(String text) {
        assertThatThrownBy(() -> MAPPER.readTree(text)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> JsonTrees.read(text)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void bytes_areWhatWriteValueAsBytesWrites() throws Exception {
        ObjectNode tree = JsonTrees.object();
        tree.put("text", "a \"quoted\" é\n").put("int", 7).put("long", 1L << 40).put("double", 0.1)
                .put("float", 0.1f).put("big", new BigInteger("123456789012345678901234567890"))
                .put("decimal", new BigDecimal("1.10")).put("yes", true).putNull("none");
        tree.putArray("list").add(1).add("two").addObject().put("nested", 1.5);
        tree.putObject("empty");

        assertThat(new String(JsonTrees.bytes(tree), "UTF-8")).isEqualTo(MAPPER.writeValueAsString(tree));
        assertThat(JsonTrees.bytes(tree)).isEqualTo(MAPPER.writeValueAsBytes(tree));
    }
}
