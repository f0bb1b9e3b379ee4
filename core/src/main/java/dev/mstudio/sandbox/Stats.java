package dev.mstudio.sandbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * Request counters of the sandbox's {@code /api/v1} endpoints.
 *
 * @param total    every {@code /api/v1} request answered since the last reset
 * @param requests counts keyed by method and path template, e.g.
 *                 {@code "GET /api/v1/custom_models/import/{job_id}"}
 */
public record Stats(long total, Map<String, Long> requests) {

    public Stats {
        requests = java.util.Collections.unmodifiableMap(new TreeMap<>(requests));
    }

    /** The count for one key such as {@code "GET /api/v1/fine-tunes"}; 0 when never called. */
    public long count(String methodAndTemplate) {
        return requests.getOrDefault(methodAndTemplate, 0L);
    }
}
