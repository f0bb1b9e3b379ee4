package dev.mstudio.sandbox.store;

import java.util.Set;

/** The two kinds of job and their status vocabularies (imports spell success SUCCESSED). */
public enum StatusVocabulary {
    IMPORT("SUCCESSED", Set.of("SUCCESSED", "FAILED")),
    FINE_TUNE("SUCCEEDED", Set.of("SUCCEEDED", "FAILED", "CANCELED"));

    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    static final String FAILED = "FAILED";
    public static final String CANCELED = "CANCELED";

    private final String succeeded;
    private final Set<String> terminal;

    StatusVocabulary(String succeeded, Set<String> terminal) {
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
