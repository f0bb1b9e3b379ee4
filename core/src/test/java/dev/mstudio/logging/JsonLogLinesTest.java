package dev.mstudio.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class JsonLogLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long AT = 1_730_462_400_123L; // 2024-11-01T12:00:00.123Z
    private final JsonLogLines lines = new JsonLogLines(List.of("xoxb-1-not-a-real-token", "s3cret-signing", "pw"));

    private static JsonNode parse(String line) throws Exception {
        return JSON.readTree(line);
    }

    @Test
    void line_hasTheFieldsInOrder_andNoExceptionFieldsWithoutAnError() throws Exception {
        String line = lines.line(AT, "INFO", "dev.mstudio.X", "main", "hello", null);

        assertThat(line).isEqualTo("{\"time\":\"2024-11-01T12:00:00.123Z\",\"level\":\"INFO\","
                + "\"logger\":\"dev.mstudio.X\",\"thread\":\"main\",\"message\":\"hello\"}");
    }

    @Test
    void line_ofHostileText_isOneLineOfAsciiThatParsesBackToTheText() throws Exception {
        String hostile = "x\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\n[main] ERROR forged"
                + "\u2028\u202e\u0000\u00e9\\\"\t";

        String line = lines.line(AT, "INFO", "dev.mstudio.X", "qtp-1\nforged", hostile, null);

        assertThat(line).doesNotContain("\n", "\r", "\u2028").matches("\\p{ASCII}*").doesNotContain("\\u00e9\"");
        assertThat(line.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        JsonNode entry = parse(line);
        assertThat(entry.get("message").asText()).isEqualTo(hostile);
        assertThat(entry.get("thread").asText()).isEqualTo("qtp-1\nforged");
        assertThat(entry.size()).isEqualTo(5);
    }

    @Test
    void line_withAnError_keepsItsClassAndMessage_neverItsStackTrace() throws Exception {
        Exception error = new IllegalStateException("store down", new SQLException("connect refused"));

        JsonNode entry = parse(lines.line(AT, "ERROR", "dev.mstudio.X", "main", "failed", error));

        assertThat(entry.get("exception_class").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(entry.get("exception_message").asText()).isEqualTo("store down");
        assertThat(entry.toString()).doesNotContain("\tat ", "JsonLogLinesTest", "SQLException");
    }

    @Test
    void redact_blanksConfiguredValues_longestFirst_butNotShortOnes() {
        assertThat(lines.redact("token xoxb-1-not-a-real-token and s3cret-signing; pw stays"))
                .isEqualTo("token **** and ****; pw stays");
    }

    @Test
    void redact_blanksSecretShapes_evenWhenNotConfigured() {
        JsonLogLines none = new JsonLogLines(List.of());

        assertThat(none.redact("jdbc:postgresql://db/x?user=u&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=u&password=****&ssl=true");
        assertThat(none.redact("http://bob:hunter2@host/api")).isEqualTo("http://host/api");
        assertThat(none.redact("Authorization: Bearer sk-abcdef0123456789")).isEqualTo("Authorization: Bearer ****");
        assertThat(none.redact("key sk-abcdef0123456789, app xapp-1-A0B1-2345"))
                .isEqualTo("key sk-****, app xapp-****");
        assertThat(none.redact("task-abcdef0123456789 at //host/path"))
                .isEqualTo("task-abcdef0123456789 at //host/path");
    }

    @Test
    void line_blanksSecretsInTheMessageAndTheExceptionMessage() throws Exception {
        Exception error = new SQLException(
                "cannot connect to jdbc:postgresql://db/x?password=hunter2 with s3cret-signing");

        String line = lines.line(AT, "WARN", "com.zaxxer.hikari.pool.HikariPool", "main",
                "retrying with xoxb-1-not-a-real-token", error);

        assertThat(line).doesNotContain("hunter2", "s3cret-signing", "xoxb-1-not-a-real-token");
        assertThat(parse(line).get("exception_message").asText())
                .isEqualTo("cannot connect to jdbc:postgresql://db/x?password=**** with ****");
    }

    @Test
    void line_clipsVeryLongMessages() throws Exception {
        JsonNode entry = parse(lines.line(AT, "INFO", "x", "main", "a".repeat(10_000), null));

        assertThat(entry.get("message").asText()).hasSize(JsonLogLines.MAX_TEXT + 1).endsWith("…");
    }

    @Test
    void handlerLevel_usesTheSlf4jNames() {
        assertThat(List.of(Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE, Level.FINEST))
                .extracting(JsonLogHandler::level).containsExactly("ERROR", "WARN", "INFO", "DEBUG", "DEBUG", "TRACE");
    }

    @Test
    void fromEnvironment_unsetOrTextIsText_jsonIsJson_anythingElseNamesTheVariable() {
        assertThat(LogFormat.fromEnvironment(Map.of())).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.fromEnvironment(Map.of(LogFormat.ENV, "text"))).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.fromEnvironment(Map.of(LogFormat.ENV, " JSON "))).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.fromEnvironment(Map.of(LogFormat.ENV, "xml\nforged")))
                .hasMessage("MSTUDIO_LOG_FORMAT must be json or text (unset: text), not 'xml\\nforged'");
    }
}
