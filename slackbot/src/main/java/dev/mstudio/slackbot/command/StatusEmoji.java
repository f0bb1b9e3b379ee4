package dev.mstudio.slackbot.command;

import java.util.Locale;

/** The emoji shown before a status: one set for jobs, one for deployments (whose RUNNING is settled). */
final class StatusEmoji {
    static final String SUCCESS = ":white_check_mark:";
    static final String FAILED = ":x:";
    static final String RUNNING = ":hourglass_flowing_sand:";
    static final String PENDING = ":clock3:";
    static final String CANCELED = ":no_entry_sign:";
    static final String UNKNOWN = ":grey_question:";
    static final String SERVING = ":large_green_circle:";
    static final String STOPPED = ":black_square_for_stop:";

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

    /** A deployment's status: serving, failed, stopped, or on its way (deploying, updating, deleting). */
    static String ofDeployment(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> SERVING;
            case "FAILED" -> FAILED;
            case "STOPPED" -> STOPPED;
            case "PENDING" -> PENDING;
            case "DEPLOYING", "UPDATING", "DELETING" -> RUNNING;
            default -> UNKNOWN;
        };
    }

    /** ":large_green_circle: RUNNING" */
    static String labeledDeployment(String status) {
        return ofDeployment(status) + " " + Kit.escape(status == null ? "unknown" : status);
    }

    /** ":hourglass_flowing_sand: RUNNING" */
    static String labeled(String status) {
        return of(status) + " " + Kit.escape(status == null ? "unknown" : status);
    }
}
