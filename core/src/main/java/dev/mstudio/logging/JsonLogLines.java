package dev.mstudio.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log entries as JSON lines: {@code {"time","level","logger","thread","message"}}, and for an
 * error {@code "exception_class"} and {@code "exception_message"}, never a stack trace. Every
 * string is escaped down to printable ASCII (control, format and line-separator characters and
 * all non-ASCII as {@code \}{@code uXXXX}), so an entry is always exactly one line in any console
 * encoding and nothing from outside can start a line of its own. Secrets are blanked first: the
 * configured values (at least {@value #MIN_SECRET} characters) and anything shaped like a secret
 * (Slack and DashScope keys, bearer tokens, {@code password=} parameters, a URL's user info).
 */
public final class JsonLogLines {

    /** Shorter configured values are not blanked by value (too many false hits); their shapes still are. */
    static final int MIN_SECRET = 4;
    /** The longest message or exception message kept; the rest is cut with "…". */
    static final int MAX_TEXT = 4_000;
    private static final String HIDDEN = "****";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static volatile JsonLogLines installed = new JsonLogLines(List.of());

    private final List<String> secrets;

    /** Lines that blank {@code secrets} (the values, e.g. a token; null and short ones are left out). */
    public JsonLogLines(Collection<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.strip().length() >= MIN_SECRET && !kept.contains(secret.strip())) {
                kept.add(secret.strip());
            }
        }
        kept.sort(new LongestFirst());
        this.secrets = List.copyOf(kept);
    }

    /** The lines this process writes its log with (set by {@link JsonLogging#configure}). */
    public static JsonLogLines installed() {
        return installed;
    }

    static void install(JsonLogLines lines) {
        installed = lines;
    }

    /** These lines, blanking {@code more} secrets too. */
    public JsonLogLines with(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return new JsonLogLines(all);
    }

    /**
     * One entry, without its line break.
     *
     * @param level the SLF4J level name: ERROR, WARN, INFO, DEBUG or TRACE
     * @param error the exception logged with the entry, or null: only its class and message are kept
     */
    public String line(long epochMs, String level, String logger, String thread, String message, Throwable error) {
        StringBuilder out = new StringBuilder(160);
        out.append('{');
        field(out, "time", Instant.ofEpochMilli(epochMs).toString()).append(',');
        field(out, "level", level).append(',');
        field(out, "logger", logger).append(',');
        field(out, "thread", thread).append(',');
        field(out, "message", clip(redact(message)));
        if (error != null) {
            field(out.append(','), "exception_class", error.getClass().getName());
            if (error.getMessage() != null) {
                field(out.append(','), "exception_message", clip(redact(error.getMessage())));
            }
        }
        return out.append('}').toString();
    }

    /** Writes one entry to the current {@code System.err} (tests may have replaced it), whole. */
    public void write(long epochMs, String level, String logger, String thread, String message, Throwable error) {
        PrintStream err = System.err;
        err.print(line(epochMs, level, logger, thread, message, error) + "\n");
        err.flush();
    }

    /** {@code text} with every configured secret and every secret-shaped word blanked; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, HIDDEN);
        }
        for (Shape shape : Shape.ALL) {
            out = shape.blank(out);
        }
        return out;
    }

    /** {@code text} as the inside of a JSON string of printable ASCII. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        return value == null ? out.append("null") : out.append('"').append(escape(value)).append('"');
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    /** Longer secrets first, so that one holding another is blanked whole (a plain class: no lambda to spin). */
    private static final class LongestFirst implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(b.length(), a.length());
        }
    }

    /** A secret's shape and what it becomes; compiled on the first entry, not when JSON mode is set up. */
    private record Shape(Pattern pattern, String replacement) {
        static final List<Shape> ALL = List.of(
                new Shape("(?i)\\b(password|passwd|pwd|secret|token|api_key|apikey)=[^&;\\s\"']+", "$1=" + HIDDEN),
                new Shape("(?<=//)[^/@\\s]+@", ""),
                new Shape("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]+", "$1 " + HIDDEN),
                new Shape("\\b(xox[a-z]|xapp)-[A-Za-z0-9-]+", "$1-" + HIDDEN),
                new Shape("\\bsk-[A-Za-z0-9]{8,}", "sk-" + HIDDEN));

        Shape(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String blank(String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.replaceAll(replacement) : text;
        }
    }
}
