package dev.mstudio.sandbox.control;

/**
 * Faults the sandbox injects into every {@code /api/v1} request.
 *
 * @param latencyMs          delay added after a request is handled, before the response is written
 * @param errorRate          share of requests answered with HTTP 500 {@code InternalError} (0..1)
 * @param throttleRate       share of requests answered with HTTP 429 {@code Throttling} (0..1)
 * @param stallMs            delay before a request is handled at all (holds the connection)
 * @param ignoreStatusFilter the fine-tune list ignores its {@code status} parameter, as the real
 *                           service may (the filter is undocumented)
 */
public record Faults(long latencyMs, double errorRate, double throttleRate, long stallMs, boolean ignoreStatusFilter) {

    /** No faults: every request is answered at once and honestly. */
    public static final Faults NONE = new Faults(0, 0.0, 0.0, 0);

    static final long MAX_DELAY_MS = 600_000;

    /** Faults that keep the status filter working. */
    public Faults(long latencyMs, double errorRate, double throttleRate, long stallMs) {
        this(latencyMs, errorRate, throttleRate, stallMs, false);
    }

    public Faults {
        requireDelay("latency_ms", latencyMs);
        requireDelay("stall_ms", stallMs);
        requireRate("error_rate", errorRate);
        requireRate("throttle_rate", throttleRate);
    }

    private static void requireDelay(String name, long ms) {
        if (ms < 0 || ms > MAX_DELAY_MS) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX_DELAY_MS);
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
