package dev.mstudio.client;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The two kinds of job mstudio manages, with their documented status vocabularies. */
public enum JobKind {
    IMPORT("import", List.of("PENDING", "RUNNING", "SUCCESSED", "FAILED"), Set.of("SUCCESSED", "FAILED")),
    FINETUNE("fine-tune", List.of("PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED"),
            Set.of("SUCCEEDED", "FAILED", "CANCELED"));

    private final String label;
    private final List<String> statuses;
    private final Set<String> terminal;

    JobKind(String label, List<String> statuses, Set<String> terminal) {
        this.label = label;
        this.statuses = statuses;
        this.terminal = terminal;
    }

    /**
     * The kind a user's word names: "imports", "import", "imp", "finetunes", "fine-tunes", "ft"
     * (any case, any unique prefix of the plural). The one place a kind word is read.
     */
    public static Optional<JobKind> parse(String word) {
        String lower = word == null ? "" : word.toLowerCase(Locale.ROOT).replace("-", "");
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        if ("imports".startsWith(lower)) {
            return Optional.of(IMPORT);
        }
        if ("finetunes".startsWith(lower) || lower.equals("ft")) {
            return Optional.of(FINETUNE);
        }
        return Optional.empty();
    }

    /** The plural word that names the kind in commands: "imports" or "finetunes". */
    public String plural() {
        return this == IMPORT ? "imports" : "finetunes";
    }

    /** Human name: "import" or "fine-tune". */
    public String label() {
        return label;
    }

    /** Every documented status, in lifecycle order. */
    public List<String> statuses() {
        return statuses;
    }

    /** The documented non-terminal statuses (PENDING, RUNNING). */
    public List<String> activeStatuses() {
        return List.of("PENDING", "RUNNING");
    }

    /** True only for a documented terminal status; unknown values (e.g. QUEUING) are non-terminal. */
    public boolean isTerminal(String status) {
        return status != null && terminal.contains(status.toUpperCase(Locale.ROOT));
    }

    /** True when the status reports success (SUCCESSED for imports, SUCCEEDED for fine-tunes). */
    public boolean isSuccess(String status) {
        return status != null && status.equalsIgnoreCase(statuses.get(2));
    }

    /** True when the status is one the documents name. */
    public boolean isKnown(String status) {
        return status != null && statuses.contains(status.toUpperCase(Locale.ROOT));
    }
}
