package dev.mstudio.command;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.IndexEntry;
import dev.mstudio.paging.Jobs;
import java.io.IOException;
import java.util.Optional;

/** Finds a job whose kind the user did not say: the index knows it, else the ID's shape, else both are tried. */
final class JobLocator {
    private JobLocator() {
    }

    static Job locate(Jobs jobs, String id) throws IOException {
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
    static JobKind likelyKind(String id) {
        return id.startsWith("ft-") ? JobKind.FINETUNE : JobKind.IMPORT;
    }

    private static JobKind other(JobKind kind) {
        return kind == JobKind.IMPORT ? JobKind.FINETUNE : JobKind.IMPORT;
    }
}
