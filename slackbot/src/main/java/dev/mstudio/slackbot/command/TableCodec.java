package dev.mstudio.slackbot.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.command.Command;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Column;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table as JSON text, for the bot's store, and back: what the More button shows on any replica.
 * Cells keep what rendering needs (TIME cells stay instants, others their text); the follow-ups
 * (Next page) are kept as command lines and parsed again on the way back. The API's JSON is dropped:
 * a slice is only ever rendered.
 */
final class TableCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Optional<Command>> parse;

    /** @param parse the bot's command language: a kept line back to its command, empty if it no longer parses */
    TableCodec(Function<String, Optional<Command>> parse) {
        this.parse = parse;
    }

    String write(Result.Table table) {
        ObjectNode json = JSON.createObjectNode().put("title", table.title()).put("footer", table.footer());
        ArrayNode columns = json.putArray("columns");
        table.columns().forEach(column -> columns.addObject().put("name", column.name()).put("type", column.type().name()));
        ArrayNode rows = json.putArray("rows");
        for (List<Object> row : table.rows()) {
            ArrayNode cells = rows.addArray();
            row.forEach(cell -> cells.add(cell == null ? null : cell.toString()));
        }
        ArrayNode followUps = json.putArray("follow_ups");
        table.followUps().forEach(followUp -> followUps.addObject().put("label", followUp.label())
                .put("line", followUp.command().canonical()));
        return json.toString();
    }

    Result.Table read(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a kept table is not JSON", e);
        }
        List<Column> columns = new ArrayList<>();
        json.path("columns").forEach(column -> columns.add(new Column(column.path("name").asText(),
                Result.ValueType.valueOf(column.path("type").asText()))));
        List<List<Object>> rows = new ArrayList<>();
        json.path("rows").forEach(row -> rows.add(cells(row, columns)));
        List<Result.FollowUp> followUps = new ArrayList<>();
        json.path("follow_ups").forEach(followUp -> parse.apply(followUp.path("line").asText())
                .ifPresent(command -> followUps.add(new Result.FollowUp(followUp.path("label").asText(), command))));
        return new Result.Table(json.path("title").asText(), columns, rows, text(json.path("footer")), null, followUps);
    }

    private static List<Object> cells(JsonNode row, List<Column> columns) {
        Object[] cells = new Object[row.size()];
        for (int i = 0; i < cells.length; i++) {
            String text = text(row.get(i));
            boolean time = i < columns.size() && columns.get(i).type() == Result.ValueType.TIME;
            cells[i] = time && text != null ? instant(text) : text;
        }
        return Arrays.asList(cells);
    }

    private static Object instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
