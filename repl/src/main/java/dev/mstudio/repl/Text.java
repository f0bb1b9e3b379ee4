package dev.mstudio.repl;

/**
 * Terminal column arithmetic: display width (wide East Asian characters take two columns,
 * combining marks none), ellipsizing, padding, and removal of control characters so that text
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

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD));
    }
}
