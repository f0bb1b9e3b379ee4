package dev.mstudio.repl;

import org.jline.utils.WCWidth;

/**
 * Terminal column arithmetic: display width (JLine's {@link WCWidth}: wide East Asian characters
 * take two columns, combining marks none), ellipsizing, padding, and removal of control characters so that text
 * from the service can never move the cursor or change colours.
 */
final class Text {
    static final String ELLIPSIS = "…";

    private Text() {
    }

    /** One line: every control character (newline, escape, ...) becomes a space. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString();
    }

    /** Keeps line breaks, turns tabs into spaces and drops every other control character. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append("    ");
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += width(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The text cut to at most {@code max} columns, ending in "…" when something was cut. */
    static String ellipsize(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        if (max <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > max - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append(ELLIPSIS).toString();
    }

    /** {@code styled} (which displays as {@code plain}) padded with spaces to {@code columns}. */
    static String pad(String styled, String plain, int columns, boolean right) {
        int gap = Math.max(0, columns - width(plain));
        String spaces = " ".repeat(gap);
        return right ? spaces + styled : styled + spaces;
    }

    /** Columns a code point takes, as JLine measures it (wide East Asian 2, combining marks 0). */
    private static int width(int cp) {
        return Math.max(0, WCWidth.wcwidth(cp));
    }
}
