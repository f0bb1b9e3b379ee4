package dev.mstudio.training;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.LogPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fine-tune logs read incrementally: the lines already read are kept per job, so reading a log
 * again asks only for the lines after them ({@code offset}), usually one small request. Bounded:
 * the most recently read {@value #MAX_JOBS} jobs, at most {@value #MAX_LINES} lines each. Thread-safe.
 */
public final class FineTuneLogs {
    static final int MAX_JOBS = 64;
    static final int MAX_LINES = 200_000;
    private static final int PER_CALL = 1_000;

    private final DashScopeClient client;
    private final Map<String, List<String>> read = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > MAX_JOBS;
        }
    };

    public FineTuneLogs(DashScopeClient client) {
        this.client = client;
    }

    /** Every line of the job's log so far (up to the cap), fetching only what was not read before. */
    public List<String> lines(String jobId) throws IOException {
        List<String> known;
        synchronized (read) {
            known = new ArrayList<>(read.getOrDefault(jobId, List.of()));
        }
        while (known.size() < MAX_LINES) {
            LogPage page = client.fineTuneLogs(jobId, known.size(), PER_CALL);
            known.addAll(page.lines().subList(0, Math.min(page.lines().size(), MAX_LINES - known.size())));
            if (page.lines().size() < PER_CALL) {
                break;
            }
        }
        synchronized (read) {
            read.put(jobId, List.copyOf(known));
        }
        return List.copyOf(known);
    }
}
