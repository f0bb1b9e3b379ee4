package dev.mstudio.slackbot.blocks;

import java.util.ArrayList;
import java.util.List;

/**
 * Text for Slack, clipped before it is escaped and never cut inside an escape entity
 * ({@code &amp;}), a mention or link ({@code <@U1>}, {@code <!date^...|...>}) or a surrogate pair.
 */
public final class SlackText {
    /** What a clipped text ends with. */
    public static final String ELLIPSIS = "…";
    private static final int LONGEST_ENTITY = 6;
    private static final int LONGEST_TOKEN = 500;

    private SlackText() {
    }

    /** Escapes the three characters mrkdwn treats as control characters; null is "". */
    public static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Undoes what {@link #escape} does, as Slack's transport does to a slash command's text:
     * {@code &lt;}, {@code &gt;}, then {@code &amp;}.
     */
    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Raw text as mrkdwn of at most {@code max} characters: clipped first, then escaped. */
    public static String mrkdwn(String raw, int max) {
        String text = raw == null ? "" : raw;
        if (escapedLength(text) <= max) {
            return escape(text);
        }
        StringBuilder out = new StringBuilder();
        int budget = max - ELLIPSIS.length();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String piece = escape(new String(Character.toChars(cp)));
            if (out.length() + piece.length() > budget) {
                break;
            }
            out.append(piece);
            i += Character.charCount(cp);
        }
        return out.append(ELLIPSIS).toString();
    }

    /** Plain text (headers, buttons) of at most {@code max} characters, never cut inside a surrogate pair. */
    public static String plain(String raw, int max) {
        return clip(raw, max);
    }

    /**
     * Already escaped mrkdwn (or plain text) cut to at most {@code max} characters, ending in "…" when
     * cut; the cut never falls inside an entity, a {@code <...>} token or a surrogate pair.
     */
    public static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int budget = max - ELLIPSIS.length();
        int end = 0;
        while (end < text.length()) {
            int next = end + tokenLength(text, end);
            if (next > budget) {
                break;
            }
            end = next;
        }
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
    }

    /**
     * Escaped text split into pieces of at most {@code max} characters, at line breaks where it can,
     * else at a token boundary; nothing is lost.
     */
    public static List<String> split(String text, int max) {
        if (max < LONGEST_TOKEN) {
            throw new IllegalArgumentException("max must be at least " + LONGEST_TOKEN);
        }
        List<String> pieces = new ArrayList<>();
        String rest = text == null ? "" : text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            int skip = 1;
            if (cut <= 0) {
                cut = tokenBoundary(rest, max);
                skip = 0;
            }
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut + skip);
        }
        pieces.add(rest);
        return pieces;
    }

    /** The length {@code raw} has once escaped. */
    static int escapedLength(String raw) {
        int length = raw.length();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            length += c == '&' ? 4 : c == '<' || c == '>' ? 3 : 0;
        }
        return length;
    }

    /** The last token boundary at or before {@code max}. */
    private static int tokenBoundary(String text, int max) {
        int end = 0;
        while (end < text.length()) {
            int next = end + tokenLength(text, end);
            if (next > max) {
                break;
            }
            end = next;
        }
        return end == 0 ? Math.min(max, tokenLength(text, 0)) : end;
    }

    /** How many chars from {@code i} belong together: an entity, a {@code <...>} token, a surrogate pair, or one char. */
    private static int tokenLength(String text, int i) {
        char c = text.charAt(i);
        if (c == '&') {
            int semi = find(text, ';', i, LONGEST_ENTITY);
            if (semi > i && isEntityName(text, i + 1, semi)) {
                return semi - i + 1;
            }
        } else if (c == '<') {
            int close = find(text, '>', i, LONGEST_TOKEN);
            if (close > i) {
                return close - i + 1;
            }
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))) {
            return 2;
        }
        return 1;
    }

    /** The index of {@code wanted} within {@code window} chars after {@code from} on the same line, or -1. */
    private static int find(String text, char wanted, int from, int window) {
        int end = Math.min(text.length(), from + window);
        for (int i = from + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == wanted) {
                return i;
            }
            if (c == '\n' || c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isEntityName(String text, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '#')) {
                return false;
            }
        }
        return true;
    }
}
