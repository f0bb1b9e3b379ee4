package dev.mstudio.sandbox.store;

/** Where a seeded job should stand right now; each anchors a lifecycle around the clock. */
enum Target {
    /** Waiting: starts some time within its pending period from now. */
    PENDING,
    /** Running: started some time within its run period ago. */
    RUNNING,
    /** Ended some time within {@code maxAgeMs} ago. */
    ENDED;

    /** The start time that puts a job with these durations at this target. */
    long startMs(SandboxState state, long now, long pendingMs, long runMs, long maxAgeMs) {
        Dice dice = state.dice();
        return switch (this) {
            case PENDING -> now + dice.between(1, Math.max(1, pendingMs - 1));
            case RUNNING -> now - dice.between(0, Math.max(0, runMs - 1));
            case ENDED -> now - dice.between(0, maxAgeMs) - runMs;
        };
    }

    boolean active() {
        return this != ENDED;
    }
}
