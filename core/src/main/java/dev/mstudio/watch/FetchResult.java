package dev.mstudio.watch;

import dev.mstudio.client.Job;
import java.util.Map;
import java.util.Set;

/**
 * What one cycle fetched: the relevant jobs as the service has them now (in fetch order), the IDs
 * it does not know, the active-list totals seen, the requests made, and the error that cut the
 * cycle short (null when it completed; what was fetched before it is still valid).
 */
record FetchResult(Map<String, Job> observed, Set<String> gone, Map<String, Integer> totals, int requests,
        Exception error) {

    boolean complete() {
        return error == null;
    }
}
