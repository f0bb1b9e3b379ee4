package dev.mstudio.slackbot;

/**
 * Text from outside made safe for a one-line log entry: control characters, line and paragraph
 * separators (U+2028, U+2029) and invisible format characters become {@code \}{@code uXXXX}, so
 * nobody can start a forged log line; long text is clipped.
 */
public final class LogText {
    private static final int MAX = 200;

    private LogText() {
    }

    /** {@code text} on one line, at most about 200 characters; null is "null". */
    public static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out.append('…').toString() : out.toString();
    }

    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
