package dev.mstudio.watch;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Page;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The two calls a watcher makes, for one job kind: list by status (the deployment list takes no
 * status: it lists them all), and get one job.
 */
final class JobSource {
    static final int PAGE_SIZE = 100;

    private final JobKind kind;
    private final DashScopeClient client;

    JobSource(JobKind kind, DashScopeClient client) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.client = Objects.requireNonNull(client, "client");
    }

    JobKind kind() {
        return kind;
    }

    /**
     * One page (size {@value #PAGE_SIZE}) of the jobs in {@code status}; of every job of a kind whose
     * list takes no filters ({@link JobKind#listFilters()}), where {@code status} is ignored.
     */
    Page<? extends Job> list(String status, int pageNo) throws IOException {
        return switch (kind) {
            case IMPORT -> client.listImports(new ImportQuery(pageNo, PAGE_SIZE, status, null));
            case FINETUNE -> client.listFineTunes(new FineTuneQuery(pageNo, PAGE_SIZE, null, status));
            case DEPLOYMENT -> client.listDeployments(pageNo, PAGE_SIZE).toPage();
        };
    }

    /** The job as the service has it now; empty when the service does not know it. */
    Optional<Job> get(String jobId) throws IOException {
        try {
            return Optional.of(switch (kind) {
                case IMPORT -> client.getImport(jobId);
                case FINETUNE -> client.getFineTune(jobId);
                case DEPLOYMENT -> client.getDeployment(jobId);
            });
        } catch (ApiException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean isNotFound(ApiException e) {
        return "NotFound".equals(e.code()) || (e.code() == null && e.httpStatus() == 404);
    }
}
