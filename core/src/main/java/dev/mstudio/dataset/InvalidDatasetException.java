package dev.mstudio.dataset;

import java.util.ArrayList;
import java.util.List;

/** One or more datasets are invalid: a one-line summary, and the problems (first 10, then a count). */
public final class InvalidDatasetException extends IllegalArgumentException {
    private final List<String> lines;

    public InvalidDatasetException(List<DatasetReport> reports) {
        super(summary(reports), null);
        this.lines = lines(reports);
    }

    /** The problems, one per line, each naming file and line; then "... and N more" when some were left off. */
    public List<String> lines() {
        return lines;
    }

    private static String summary(List<DatasetReport> reports) {
        long files = reports.stream().filter(report -> !report.valid()).count();
        long problems = reports.stream().mapToLong(DatasetReport::problemCount).sum();
        return "The training data is invalid: " + problems + (problems == 1 ? " problem" : " problems") + " in "
                + files + (files == 1 ? " file" : " files") + "; nothing was uploaded or created";
    }

    private static List<String> lines(List<DatasetReport> reports) {
        List<String> out = new ArrayList<>();
        long shown = 0;
        long total = 0;
        for (DatasetReport report : reports) {
            total += report.problemCount();
            for (Problem problem : report.problems()) {
                if (shown < Datasets.MAX_REPORTED) {
                    out.add(problem.toString());
                    shown++;
                }
            }
        }
        if (total > shown) {
            out.add("... and " + (total - shown) + " more");
        }
        return List.copyOf(out);
    }
}
