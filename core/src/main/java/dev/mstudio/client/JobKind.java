package dev.mstudio.client;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The three kinds of job mstudio follows, with their documented status vocabularies: import jobs,
 * fine-tune jobs, and deployments (a deployed model, identified by its {@code deployed_model} name).
 * A deployment "ends" when it settles: RUNNING is its success (deployed, or scaled), FAILED and
 * STOPPED its failures; PENDING, DEPLOYING, UPDATING and DELETING are on the way (a deleted one is
 * then gone).
 */
public enum JobKind {
    IMPORT("import", "imports", List.of("PENDING", "RUNNING", "SUCCESSED", "FAILED"), List.of("PENDING", "RUNNING"),
            Set.of("SUCCESSED", "FAILED"), "SUCCESSED", true),
    FINETUNE("fine-tune", "finetunes", List.of("PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED"),
            List.of("PENDING", "RUNNING"), Set.of("SUCCEEDED", "FAILED", "CANCELED"), "SUCCEEDED", true),
    DEPLOYMENT("deployment", "deployments",
            List.of("PENDING", "DEPLOYING", "RUNNING", "UPDATING", "FAILED", "DELETING", "STOPPED"),
            List.of("PENDING", "DEPLOYING", "UPDATING", "DELETING"), Set.of("RUNNING", "FAILED", "STOPPED"), "RUNNING",
            false);

    private final String label;
    private final String plural;
    private final List<String> statuses;
    private final List<String> active;
    private final Set<String> terminal;
    private final String success;
    private final boolean listFilters;

    JobKind(String label, String plural, List<String> statuses, List<String> active, Set<String> terminal,
            String success, boolean listFilters) {
        this.label = label;
        this.plural = plural;
        this.statuses = statuses;
        this.active = active;
        this.terminal = terminal;
        this.success = success;
        this.listFilters = listFilters;
    }

    /**
     * The kind a user's word names: "imports", "import", "imp", "finetunes", "fine-tunes", "ft",
     * "deployments", "deployment", "dep" (any case, any unique prefix of the plural). The one place a
     * kind word is read.
     */
    public static Optional<JobKind> parse(String word) {
        String lower = word == null ? "" : word.toLowerCase(Locale.ROOT).replace("-", "");
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        if (lower.equals("ft")) {
            return Optional.of(FINETUNE);
        }
        for (JobKind kind : values()) {
            if (kind.plural.startsWith(lower)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The plural word that names the kind in commands: "imports", "finetunes" or "deployments". */
    public String plural() {
        return plural;
    }

    /** Human name: "import", "fine-tune" or "deployment". */
    public String label() {
        return label;
    }

    /** What one of the kind is called: "import job", "fine-tune job", or just "deployment". */
    public String noun() {
        return this == DEPLOYMENT ? label : label + " job";
    }

    /** Every documented status, in lifecycle order. */
    public List<String> statuses() {
        return statuses;
    }

    /** The documented non-terminal statuses, in lifecycle order (PENDING, RUNNING for jobs). */
    public List<String> activeStatuses() {
        return active;
    }

    /** True only for a documented terminal status; unknown values (e.g. QUEUING) are non-terminal. */
    public boolean isTerminal(String status) {
        return status != null && terminal.contains(status.toUpperCase(Locale.ROOT));
    }

    /** True when the status reports success: SUCCESSED (imports), SUCCEEDED (fine-tunes), RUNNING (deployments). */
    public boolean isSuccess(String status) {
        return status != null && status.equalsIgnoreCase(success);
    }

    /** True when the status is one the documents name. */
    public boolean isKnown(String status) {
        return status != null && statuses.contains(status.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the service's list of this kind takes status and model filters. The deployment list
     * takes none: it always holds every deployment, whatever its status.
     */
    public boolean listFilters() {
        return listFilters;
    }
}
