package dev.mstudio.client;

/** Keeps the API key out of everything people can see: toString, messages, snippets. */
final class Secrets {
    private static final String HIDDEN = "****";

    private Secrets() {
    }

    /** "sk-****" for DashScope-style keys, "****" for any other, "(none)" for no key. */
    static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        return key.startsWith("sk-") ? "sk-" + HIDDEN : HIDDEN;
    }

    /**
     * Enough of the key to tell two keys apart, as a settings display shows it: "sk-...abcd" (the
     * last 4 characters) for keys of 16 characters or more, else fully masked.
     */
    static String hint(String key) {
        if (key == null || key.length() < 16) {
            return mask(key);
        }
        return (key.startsWith("sk-") ? "sk-" : "") + "..." + key.substring(key.length() - 4);
    }

    /** {@code text} with every occurrence of {@code key} replaced by its mask. */
    static String redact(String text, String key) {
        if (text == null || key == null || key.isEmpty()) {
            return text;
        }
        return text.replace(key, mask(key));
    }
}
