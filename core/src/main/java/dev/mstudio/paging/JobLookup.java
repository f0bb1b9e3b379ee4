package dev.mstudio.paging;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a job whose kind the user did not say: the index knows it, else the ID's shape, else every
 * kind is tried. The one place that guesses a job's kind from its ID, for every front end.
 */
public final class JobLookup {
    /** Import job IDs are UUIDs; the documents mask parts of them with '*'. */
    private static final Pattern IMPORT_ID =
            Pattern.compile("[0-9a-fA-F*]{8}-[0-9a-fA-F*]{4}-[0-9a-fA-F*]{4}-[0-9a-fA-F*]{4}-[0-9a-fA-F*]{12}");

    private JobLookup() {
    }

    /**
     * The job (or deployment) with {@code id}, of whichever kind has it.
     *
     * @throws ApiException NotFound naming every kind when none has it
     */
    public static Job locate(Jobs jobs, String id) throws IOException {
        Optional<IndexEntry> known = jobs.index().find(id);
        if (known.isPresent()) {
            return jobs.get(known.get().kind(), id);
        }
        ApiException notFound = null;
        for (JobKind kind : likelyFirst(id)) {
            try {
                return jobs.get(kind, id);
            } catch (ApiException e) {
                if (!"NotFound".equals(e.code())) {
                    throw e;
                }
                notFound = e;
            }
        }
        throw new ApiException(notFound.httpStatus(), "NotFound",
                "No import job, fine-tune job or deployment has the ID " + id + ".", notFound.requestId());
    }

    /**
     * Every kind, the likeliest first: fine-tune IDs look like ft-202410291653-1c7f, import IDs are
     * UUIDs, and anything else is taken for a deployed model's name (qwen3-14b-ft-202410291653-1c7f-a1b2).
     */
    static List<JobKind> likelyFirst(String id) {
        JobKind likely = id.startsWith("ft-") ? JobKind.FINETUNE
                : IMPORT_ID.matcher(id).matches() ? JobKind.IMPORT : JobKind.DEPLOYMENT;
        List<JobKind> kinds = new ArrayList<>(List.of(JobKind.values()));
        kinds.remove(likely);
        kinds.add(0, likely);
        return kinds;
    }
}
