package dev.mstudio.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * What checking one JSONL file found: its samples, a rough token estimate (characters / 4), the
 * first {@link Datasets#MAX_REPORTED} problems and how many there were in all.
 */
public record DatasetReport(Path path, long samples, long estimatedTokens, long bytes, List<Problem> problems,
                            long problemCount) {
    public DatasetReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problemCount == 0;
    }
}
