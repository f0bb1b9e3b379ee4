package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;

/** How a terminal status reads to people. */
final class Outcomes {
    static final String GONE = "GONE";

    private Outcomes() {
    }

    /** FAILED (and any other terminal status that is neither success nor a cancellation). */
    static boolean isFailure(JobKind kind, String status) {
        return kind.isTerminal(status) && !kind.isSuccess(status) && !"CANCELED".equalsIgnoreCase(status);
    }

    /** True when watching can stop: a terminal status, or the job no longer exists. */
    static boolean isFinal(JobKind kind, String status) {
        return kind.isTerminal(status) || GONE.equals(status);
    }
}
