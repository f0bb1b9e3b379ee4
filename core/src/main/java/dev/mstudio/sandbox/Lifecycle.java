package dev.mstudio.sandbox;

/**
 * When a job moves PENDING -> RUNNING -> its outcome, fixed at creation and read lazily from
 * the clock, so idle jobs cost nothing. A forced status freezes the job where it was put.
 */
final class Lifecycle {

    /** A status imposed from outside (cancel or the control API) at a point in time. */
    record Forced(String status, long atMs) {
    }

    static final int PENDING = 0;
    static final int RUNNING = 1;
    static final int SUCCEEDED = 2;
    static final int FAILED = 3;
    private static final int UNKNOWN = -1;

    private final long createdMs;
    private final long startMs;
    private final long endMs;
    private final boolean succeeds;
    private volatile Forced forced;

    private Lifecycle(long createdMs, long startMs, long endMs, boolean succeeds) {
        this.createdMs = createdMs;
        this.startMs = startMs;
        this.endMs = endMs;
        this.succeeds = succeeds;
    }

    /** A job that starts running at {@code startMs} after waiting {@code pendingMs}. */
    static Lifecycle ofStart(long startMs, long pendingMs, long runMs, boolean succeeds) {
        return new Lifecycle(startMs - pendingMs, startMs, startMs + runMs, succeeds);
    }

    long createdMs() {
        return createdMs;
    }

    long startMs() {
        return startMs;
    }

    long endMs() {
        return endMs;
    }

    boolean succeeds() {
        return succeeds;
    }

    Forced forced() {
        return forced;
    }

    String status(JobKind kind, long now) {
        Forced f = forced;
        if (f != null) {
            return f.status();
        }
        return switch (phase(now, startMs, endMs, succeeds)) {
            case PENDING -> JobKind.PENDING;
            case RUNNING -> JobKind.RUNNING;
            case SUCCEEDED -> kind.succeeded();
            default -> JobKind.FAILED;
        };
    }

    /** The unforced phase at {@code now} of a job with these times: the one rule of the lifecycle. */
    static int phase(long now, long startMs, long endMs, boolean succeeds) {
        if (now < startMs) {
            return PENDING;
        }
        if (now < endMs) {
            return RUNNING;
        }
        return succeeds ? SUCCEEDED : FAILED;
    }

    /** The phase a status names for this kind (case-insensitive), or -1 if no unforced job has it. */
    static int phaseOf(JobKind kind, String status) {
        if (status.equalsIgnoreCase(JobKind.PENDING)) {
            return PENDING;
        }
        if (status.equalsIgnoreCase(JobKind.RUNNING)) {
            return RUNNING;
        }
        if (status.equalsIgnoreCase(kind.succeeded())) {
            return SUCCEEDED;
        }
        return status.equalsIgnoreCase(JobKind.FAILED) ? FAILED : UNKNOWN;
    }

    boolean isTerminal(JobKind kind, long now) {
        return kind.isTerminal(status(kind, now));
    }

    /** When the job reached its terminal status, or -1 while it has not. */
    long endTime(JobKind kind, long now) {
        Forced f = forced;
        if (f != null) {
            return kind.isTerminal(f.status()) ? f.atMs() : -1;
        }
        return now >= endMs ? endMs : -1;
    }

    /** The instant up to which the job has made progress: now, capped by its end or freeze. */
    long progressUntil(long now) {
        Forced f = forced;
        long cap = f != null ? Math.min(f.atMs(), endMs) : endMs;
        return Math.min(now, cap);
    }

    /**
     * Freezes the job in {@code status} from {@code atMs}. Only for jobs not yet stored, or
     * through {@link JobStore#force}, which keeps the store's columns in step.
     */
    void force(String status, long atMs) {
        forced = new Forced(status, atMs);
    }
}
