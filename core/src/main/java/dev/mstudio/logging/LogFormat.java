package dev.mstudio.logging;

import java.util.Map;

/** How an mstudio process writes its log, set by {@value #ENV}: as its logging library does (text), or JSON lines. */
public enum LogFormat {
    /** Unset (or {@code text}): each library's own lines, as before. */
    TEXT,
    /** {@code json}: one JSON object per line, secrets blanked, no stack traces. */
    JSON;

    public static final String ENV = "MSTUDIO_LOG_FORMAT";

    /**
     * The format {@code env} asks for.
     *
     * @throws IllegalArgumentException naming {@value #ENV} when it is neither {@code json} nor {@code text}
     */
    public static LogFormat fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("text")) {
            return TEXT;
        }
        if (value.trim().equalsIgnoreCase("json")) {
            return JSON;
        }
        String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        throw new IllegalArgumentException(ENV + " must be json or text (unset: text), not '"
                + JsonLogLines.escape(shown) + "'");
    }
}
