package dev.mstudio.sandbox.store;

/**
 * When a job moves PENDING -> (QUEUING ->) RUNNING -> its outcome, fixed at creation and read
 * lazily from the clock, so idle jobs cost nothing. A forced status freezes the job where it was
 * put, or, like a cancel (CANCELING, then CANCELED), moves it once more at a set time.
 */
public final class Lifecycle {

    /**
     * A status imposed from outside (cancel or the control API) at {@code atMs}; when
     * {@code then} is set, the job moves on to it at {@code thenMs} (a cancel: CANCELING, then CANCELED).
     */
    public record Forced(String status, long atMs, String then, long thenMs) {
        Forced(String status, long atMs) {
            this(status, atMs, null, Long.MAX_VALUE);
        }

        String statusAt(long now) {
            return then != null && now >= thenMs ? then : status;
        }

        /** When the status shown at {@code now} began. */
        long sinceMs(long now) {
            return then != null && now >= thenMs ? thenMs : atMs;
        }
    }

    static final int PENDING = 0;
    static final int RUNNING = 1;
    static final int SUCCEEDED = 2;
    static final int FAILED = 3;
    static final int QUEUING = 4;
    public static final String QUEUING_STATUS = "QUEUING";
    public static final String CANCELING_STATUS = "CANCELING";
    private static final int UNKNOWN = -1;

    private final long createdMs;
    private final long queueMs;
    private final long startMs;
    private final long endMs;
    private final boolean succeeds;
    private volatile Forced forced;

    private Lifecycle(long createdMs, long queueMs, long startMs, long endMs, boolean succeeds) {
        this.createdMs = createdMs;
        this.queueMs = queueMs;
        this.startMs = startMs;
        this.endMs = endMs;
        this.succeeds = succeeds;
    }

    /** A job that starts running at {@code startMs} after waiting {@code pendingMs}. */
    static Lifecycle ofStart(long startMs, long pendingMs, long runMs, boolean succeeds) {
        return new Lifecycle(startMs - pendingMs, startMs, startMs, startMs + runMs, succeeds);
    }

    /** Like {@link #ofStart}, but QUEUING for the last two thirds of the wait (fine-tunes wait for capacity). */
    static Lifecycle queued(long startMs, long pendingMs, long runMs, boolean succeeds) {
        long createdMs = startMs - pendingMs;
        return new Lifecycle(createdMs, createdMs + pendingMs / 3, startMs, startMs + runMs, succeeds);
    }

    long createdMs() {
        return createdMs;
    }

    long queueMs() {
        return queueMs;
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

    String status(StatusVocabulary kind, long now) {
        Forced f = forced;
        if (f != null && now >= f.atMs()) {
            return f.statusAt(now);
        }
        return switch (phase(now, queueMs, startMs, endMs, succeeds)) {
            case PENDING -> StatusVocabulary.PENDING;
            case QUEUING -> QUEUING_STATUS;
            case RUNNING -> StatusVocabulary.RUNNING;
            case SUCCEEDED -> kind.succeeded();
            default -> StatusVocabulary.FAILED;
        };
    }

    /** The unforced phase at {@code now} of a job with these times: the one rule of the lifecycle. */
    static int phase(long now, long queueMs, long startMs, long endMs, boolean succeeds) {
        if (now < startMs) {
            return now < queueMs ? PENDING : QUEUING;
        }
        if (now < endMs) {
            return RUNNING;
        }
        return succeeds ? SUCCEEDED : FAILED;
    }

    /** The phase a status names for this kind (case-insensitive), or -1 if no unforced job has it. */
    static int phaseOf(StatusVocabulary kind, String status) {
        if (status.equalsIgnoreCase(StatusVocabulary.PENDING)) {
            return PENDING;
        }
        if (status.equalsIgnoreCase(StatusVocabulary.RUNNING)) {
            return RUNNING;
        }
        if (status.equalsIgnoreCase(QUEUING_STATUS)) {
            return QUEUING;
        }
        if (status.equalsIgnoreCase(kind.succeeded())) {
            return SUCCEEDED;
        }
        return status.equalsIgnoreCase(StatusVocabulary.FAILED) ? FAILED : UNKNOWN;
    }

    boolean isTerminal(StatusVocabulary kind, long now) {
        return kind.isTerminal(status(kind, now));
    }

    /** When the job reached its terminal status, or -1 while it has not. */
    long endTime(StatusVocabulary kind, long now) {
        Forced f = forced;
        if (f != null && now >= f.atMs()) {
            return kind.isTerminal(f.statusAt(now)) ? f.sinceMs(now) : -1;
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
        force(new Forced(status, atMs));
    }

    void force(Forced next) {
        forced = next;
    }
}
