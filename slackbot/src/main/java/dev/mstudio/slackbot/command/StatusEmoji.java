package dev.mstudio.slackbot.command;

import java.util.Locale;

/** The emoji shown before a job status, the same for both kinds of job. */
final class StatusEmoji {
    static final String SUCCESS = ":white_check_mark:";
    static final String FAILED = ":x:";
    static final String RUNNING = ":hourglass_flowing_sand:";
    static final String PENDING = ":clock3:";
    static final String CANCELED = ":no_entry_sign:";
    static final String UNKNOWN = ":grey_question:";

    private StatusEmoji() {
    }

    static String of(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "SUCCESSED", "SUCCEEDED" -> SUCCESS;
            case "FAILED" -> FAILED;
            case "RUNNING" -> RUNNING;
            case "PENDING" -> PENDING;
            case "CANCELED", "CANCELLED" -> CANCELED;
            default -> UNKNOWN;
        };
    }

    /** ":hourglass_flowing_sand: RUNNING" */
    static String labeled(String status) {
        return of(status) + " " + Kit.escape(status == null ? "unknown" : status);
    }
}
