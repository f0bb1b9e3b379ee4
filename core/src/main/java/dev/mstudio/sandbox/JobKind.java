package dev.mstudio.sandbox;

import java.util.Set;

/** The two kinds of job and their status vocabularies (imports spell success SUCCESSED). */
enum JobKind {
    IMPORT("SUCCESSED", Set.of("SUCCESSED", "FAILED")),
    FINE_TUNE("SUCCEEDED", Set.of("SUCCEEDED", "FAILED", "CANCELED"));

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String FAILED = "FAILED";
    static final String CANCELED = "CANCELED";

    private final String succeeded;
    private final Set<String> terminal;

    JobKind(String succeeded, Set<String> terminal) {
        this.succeeded = succeeded;
        this.terminal = terminal;
    }

    String succeeded() {
        return succeeded;
    }

    boolean isTerminal(String status) {
        return terminal.contains(status);
    }
}
