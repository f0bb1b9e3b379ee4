package dev.mstudio.repl;

import java.util.Locale;

/**
 * ANSI styling, or none: a disabled palette returns every text unchanged, so the same rendering
 * code serves a colour terminal, {@code NO_COLOR} and a pipe.
 */
record Palette(boolean enabled) {
    static final Palette PLAIN = new Palette(false);
    static final Palette COLOUR = new Palette(true);

    private static final String RESET = "\033[0m";
    private static final String BOLD = "\033[1m";
    private static final String DIM = "\033[2m";
    private static final String RED = "\033[31m";
    private static final String GREEN = "\033[32m";
    private static final String YELLOW = "\033[33m";
    private static final String MAGENTA = "\033[35m";
    private static final String CYAN = "\033[36m";
    private static final String GREY = "\033[90m";

    /** Colour follows the terminal unless {@code NO_COLOR} is set to anything but the empty string. */
    static Palette forOutput(boolean terminal, String noColor) {
        boolean suppressed = noColor != null && !noColor.isEmpty();
        return terminal && !suppressed ? COLOUR : PLAIN;
    }

    /** A job status in its colour: green success, red failure, yellow running, cyan pending, grey canceled, magenta other. */
    String status(String status) {
        if (status == null) {
            return "";
        }
        return paint(statusColour(status.toUpperCase(Locale.ROOT)), status);
    }

    String bold(String text) {
        return paint(BOLD, text);
    }

    String dim(String text) {
        return paint(DIM, text);
    }

    String red(String text) {
        return paint(RED, text);
    }

    String green(String text) {
        return paint(GREEN, text);
    }

    String yellow(String text) {
        return paint(YELLOW, text);
    }

    private String paint(String code, String text) {
        return enabled && !text.isEmpty() ? code + text + RESET : text;
    }

    private static String statusColour(String status) {
        return switch (status) {
            case "SUCCEEDED", "SUCCESSED" -> GREEN;
            case "FAILED" -> RED;
            case "RUNNING" -> YELLOW;
            case "PENDING" -> CYAN;
            case "CANCELED", "CANCELLED" -> GREY;
            default -> MAGENTA;
        };
    }
}
