package dev.mstudio.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What running a command gives: a model that each front end renders its own way (terminal text,
 * Block Kit). Core never prints. Every variant may carry the API's JSON for {@code /set output json}.
 */
public sealed interface Result {

    /** Exit status this result implies for a non-interactive run (0 ok). */
    default int exitCode() {
        return 0;
    }

    /** How a front end should present a cell or field value. */
    enum ValueType {
        TEXT, ID,
        /** A job's status: RUNNING is work in progress. */
        STATUS,
        /** A deployment's status: RUNNING is where it settles (serving), not work in progress. */
        DEPLOYMENT_STATUS,
        TIME, NUMBER
    }

    record Column(String name, ValueType type) {
    }

    /**
     * Rows of typed cells: STATUS cells are status strings, TIME cells are {@link Instant}s (render
     * relative), NUMBER cells are {@link Number}s, the rest Strings; any cell may be null.
     */
    record Table(String title, List<Column> columns, List<List<Object>> rows, String footer, JsonNode json,
                 List<FollowUp> followUps) implements Result {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            followUps = List.copyOf(followUps);
        }

        public Table(String title, List<Column> columns, List<List<Object>> rows, String footer, JsonNode json) {
            this(title, columns, rows, footer, json, List.of());
        }
    }

    /**
     * A command a result offers to run next, as a front end's button: "Refresh" (the same job
     * again), "Watch", "Next page", "Delete job". The command is parsed and carries its policy, so
     * a front end can tell a destructive one (admins only, never on a shared message).
     */
    record FollowUp(String label, Command command) {
    }

    record Field(String name, Object value, ValueType type) {
    }

    /** One object, e.g. a job: a title and named fields (TIME fields shown absolute and relative). */
    record Detail(String title, List<Field> fields, JsonNode json, List<FollowUp> followUps) implements Result {
        public Detail {
            fields = List.copyOf(fields);
            followUps = List.copyOf(followUps);
        }

        public Detail(String title, List<Field> fields, JsonNode json) {
            this(title, fields, json, List.of());
        }
    }

    /** Lines of a log, with where they start and how many exist in all. */
    record LogLines(String title, List<String> lines, int offset, int total, JsonNode json) implements Result {
        public LogLines {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A fine-tune job's training curve: train and validation loss against step, with what a reader
     * wants first ({@code summary}: last, lowest, best checkpoint). Front ends draw it their own way.
     */
    record Chart(String title, dev.mstudio.training.TrainingCurve curve, List<String> summary, JsonNode json)
            implements Result {
        public Chart {
            summary = List.copyOf(summary);
        }
    }

    enum Level { INFO, SUCCESS, WARNING }

    /** A sentence for people, e.g. "Watching 3 jobs." {@code exitCode} is non-zero for e.g. a failed /wait. */
    record Message(Level level, String text, int exitCode, JsonNode json) implements Result {
        public static Message info(String text) {
            return new Message(Level.INFO, text, 0, null);
        }
    }

    /**
     * The command did not do what was asked: a one-line {@code message}, a {@code hint} (usage,
     * valid values, how to fix configuration), and for API errors the service's code and request_id.
     */
    record Failure(String message, String hint, String code, String requestId, int exitCode) implements Result {
        public static Failure of(String message, String hint) {
            return new Failure(message, hint, null, null, 1);
        }
    }

    /**
     * A destructive command, not yet confirmed: the front end asks {@code question} (REPL: y/N
     * prompt; Slack: a button that names a pending action kept by the bot) and, if the person says
     * yes, runs {@code command} with {@link CommandLanguage#runConfirmed}.
     */
    record Confirm(String question, Command command) implements Result {

        /** The command as a line, for showing: "/import delete 937b --yes". */
        public String confirmedLine() {
            return command.canonical();
        }
    }

    /** {@code /open FILE}: the front end runs these command lines in order, stopping at the first failure. */
    record Script(String source, List<String> lines) implements Result {
        public Script {
            lines = List.copyOf(lines);
        }
    }

    /** {@code /exit [N]}: the front end ends the session with this status. */
    record Exit(int exitCode) implements Result {
    }
}
