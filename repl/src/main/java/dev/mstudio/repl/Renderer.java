package dev.mstudio.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.mstudio.command.Result;
import java.util.List;

/**
 * Turns any {@link Result} into lines of text for one destination ({@link Look}). With JSON output
 * on, a result that carries the API's JSON is printed as that JSON, pretty, for {@code jq}.
 */
final class Renderer {
    private final TableRenderer tables;
    private final DetailRenderer details;
    private final Feedback feedback;
    private final ChartRenderer charts;

    Renderer(Look look) {
        this.charts = new ChartRenderer(look);
        this.tables = new TableRenderer(look);
        this.details = new DetailRenderer(look);
        this.feedback = new Feedback(look.palette());
    }

    /** The lines showing {@code result}; empty for results that are acted on, not shown (Confirm, Script, Exit). */
    List<String> render(Result result, boolean json) {
        JsonNode node = json ? jsonOf(result) : null;
        if (node != null) {
            return List.of(Json.pretty(node));
        }
        if (result instanceof Result.Table table) {
            return tables.render(table);
        }
        if (result instanceof Result.Detail detail) {
            return details.render(detail);
        }
        if (result instanceof Result.LogLines log) {
            return details.render(log);
        }
        if (result instanceof Result.Message message) {
            return feedback.message(message);
        }
        if (result instanceof Result.Failure failure) {
            return feedback.failure(failure);
        }
        if (result instanceof Result.Chart chart) {
            return charts.render(chart);
        }
        return List.of();
    }

    /** True when the result reports an error (it belongs on the error stream of a batch run). */
    static boolean isError(Result result) {
        return result instanceof Result.Failure;
    }

    /** The API's JSON a result carries, or null. */
    static JsonNode jsonOf(Result result) {
        if (result instanceof Result.Table table) {
            return table.json();
        }
        if (result instanceof Result.Detail detail) {
            return detail.json();
        }
        if (result instanceof Result.LogLines log) {
            return log.json();
        }
        if (result instanceof Result.Message message) {
            return message.json();
        }
        if (result instanceof Result.Chart chart) {
            return chart.json();
        }
        return null;
    }

    /** Pretty JSON as jq prints it: two-space indent, "key": value, empty arrays and objects as [] and {}. */
    static final class Json {
        private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));

        private Json() {
        }

        static String pretty(JsonNode node) {
            try {
                return WRITER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                return node.toString();
            }
        }
    }
}
