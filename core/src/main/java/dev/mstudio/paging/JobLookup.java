package dev.mstudio.paging;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds a job whose kind the user did not say: the index knows it, else the ID's shape, else both
 * are tried. The one place that guesses a job's kind from its ID, for every front end.
 */
public final class JobLookup {
    private JobLookup() {
    }

    /**
     * The job with {@code id}, of either kind.
     *
     * @throws ApiException NotFound naming both kinds when neither has it
     */
    public static Job locate(Jobs jobs, String id) throws IOException {
        Optional<IndexEntry> known = jobs.index().find(id);
        JobKind first = known.map(IndexEntry::kind).orElse(likelyKind(id));
        try {
            return jobs.get(first, id);
        } catch (ApiException e) {
            if (!"NotFound".equals(e.code()) || known.isPresent()) {
                throw e;
            }
            try {
                return jobs.get(other(first), id);
            } catch (ApiException second) {
                if (!"NotFound".equals(second.code())) {
                    throw second;
                }
                throw new ApiException(second.httpStatus(), "NotFound",
                        "No import or fine-tune job has the ID " + id + ".", second.requestId());
            }
        }
    }

    /** Fine-tune IDs look like ft-202410291653-1c7f. */
    private static JobKind likelyKind(String id) {
        return id.startsWith("ft-") ? JobKind.FINETUNE : JobKind.IMPORT;
    }

    private static JobKind other(JobKind kind) {
        return kind == JobKind.IMPORT ? JobKind.FINETUNE : JobKind.IMPORT;
    }
}
