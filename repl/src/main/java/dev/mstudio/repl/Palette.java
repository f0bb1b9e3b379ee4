package dev.mstudio.repl;

import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Styling through JLine's {@link AttributedStyle}, or none: a disabled palette returns every text
 * unchanged, so the same rendering code serves a colour terminal, {@code NO_COLOR} and a pipe.
 */
record Palette(boolean enabled) {
    static final Palette PLAIN = new Palette(false);
    static final Palette COLOUR = new Palette(true);

    /** The styles, loaded only when something is painted: a plain run (a pipe, -c) never loads them. */
    private static final class Styles {
        static final AttributedStyle BOLD = AttributedStyle.BOLD;
        static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
        static final AttributedStyle RED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        static final AttributedStyle GREEN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
        static final AttributedStyle YELLOW = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
        static final AttributedStyle MAGENTA = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
        static final AttributedStyle CYAN = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
        static final AttributedStyle GREY = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLACK | AttributedStyle.BRIGHT);
    }

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
        return enabled ? paint(statusColour(status.toUpperCase(Locale.ROOT)), status) : status;
    }

    /** A deployment's status: RUNNING (serving) green, on its way yellow, FAILED red, STOPPED grey. */
    String deploymentStatus(String status) {
        if (status == null) {
            return "";
        }
        return enabled ? paint(deploymentColour(status.toUpperCase(Locale.ROOT)), status) : status;
    }

    String bold(String text) {
        return enabled ? paint(Styles.BOLD, text) : text;
    }

    String dim(String text) {
        return enabled ? paint(Styles.DIM, text) : text;
    }

    String red(String text) {
        return enabled ? paint(Styles.RED, text) : text;
    }

    String green(String text) {
        return enabled ? paint(Styles.GREEN, text) : text;
    }

    String yellow(String text) {
        return enabled ? paint(Styles.YELLOW, text) : text;
    }

    private String paint(AttributedStyle style, String text) {
        return enabled && !text.isEmpty() ? new AttributedString(text, style).toAnsi() : text;
    }

    private static AttributedStyle deploymentColour(String status) {
        return switch (status) {
            case "RUNNING" -> Styles.GREEN;
            case "FAILED" -> Styles.RED;
            case "PENDING", "DEPLOYING", "UPDATING", "DELETING" -> Styles.YELLOW;
            case "STOPPED" -> Styles.GREY;
            default -> Styles.MAGENTA;
        };
    }

    private static AttributedStyle statusColour(String status) {
        return switch (status) {
            case "SUCCEEDED", "SUCCESSED" -> Styles.GREEN;
            case "FAILED" -> Styles.RED;
            case "RUNNING" -> Styles.YELLOW;
            case "PENDING" -> Styles.CYAN;
            case "CANCELED", "CANCELLED" -> Styles.GREY;
            default -> Styles.MAGENTA;
        };
    }
}
