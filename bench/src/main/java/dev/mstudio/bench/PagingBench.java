package dev.mstudio.bench;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Page;
import dev.mstudio.paging.JobQuery;
import dev.mstudio.paging.Jobs;
import dev.mstudio.sandbox.Sandbox;
import java.io.IOException;
import java.time.Duration;

/**
 * Counts, with the sandbox's own request statistics, what listing costs: showing all 1,000 jobs of a
 * workspace page by page at page_size 100 (goal: 10 requests), showing the same listing again inside
 * the cache's TTL (goal: 0), and a full auto-paged walk (10, straight from the service).
 */
public final class PagingBench {
    private static final int JOBS = 1_000;
    private static final int PAGE_SIZE = 100;

    private PagingBench() {
    }

    public static void main(String[] args) throws IOException {
        try (Sandbox sandbox = Sandbox.builder().port(0).build().start();
             DashScopeClient client = DashScopeClient.builder()
                     .config(ClientConfig.of(sandbox.baseUrl(), "bench")).build();
             Jobs jobs = Jobs.builder(client).ttl(Duration.ofSeconds(30)).build()) {
            sandbox.seed(JOBS, 0, 0.3);
            sandbox.resetStats();

            long first = count(sandbox, () -> showAll(jobs));
            long again = count(sandbox, () -> showAll(jobs));
            long walked = count(sandbox, () -> jobs.stream(JobQuery.of(JobKind.IMPORT)).count());

            System.out.printf("list %,d jobs at page_size %d: %d requests (goal 10)%n", JOBS, PAGE_SIZE, first);
            System.out.printf("show the same listing again inside the TTL: %d requests (goal 0)%n", again);
            System.out.printf("auto-paged walk of every job: %d requests%n", walked);
            System.out.printf("RESULT %s%n", first <= 10 && again == 0 ? "PASS" : "FAIL");
        }
    }

    private static long showAll(Jobs jobs) throws IOException {
        long shown = 0;
        for (int pageNo = 1; ; pageNo++) {
            Page<Job> page = jobs.page(new JobQuery(JobKind.IMPORT, null, null, pageNo, PAGE_SIZE));
            shown += page.items().size();
            if (!page.hasNext()) {
                return shown;
            }
        }
    }

    private static long count(Sandbox sandbox, IoAction action) throws IOException {
        long before = sandbox.stats().total();
        action.run();
        return sandbox.stats().total() - before;
    }

    @FunctionalInterface
    private interface IoAction {
        Object run() throws IOException;
    }
}
