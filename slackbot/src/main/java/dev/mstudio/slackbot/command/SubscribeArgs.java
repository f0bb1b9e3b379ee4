package dev.mstudio.slackbot.command;

import dev.mstudio.client.JobKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words after {@code subscribe}: a kind ({@code imports}, {@code finetunes}, any unique prefix,
 * singular too), {@code --model M} and {@code --only failures} (also {@code --model=M},
 * {@code --only=failures}, {@code --only-failures}). {@code error} is set when they do not parse.
 */
record SubscribeArgs(JobKind kind, String model, boolean onlyFailures, String error) {

    static SubscribeArgs parse(List<String> args) {
        JobKind kind = null;
        String model = null;
        boolean onlyFailures = false;
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("--model") || lower.startsWith("--model=")) {
                String value = lower.equals("--model") ? (i + 1 < args.size() ? args.get(++i) : "") : word.substring(8);
                if (value.isBlank() || value.startsWith("-")) {
                    return failed("--model needs a model name.");
                }
                model = value;
            } else if (lower.equals("--only-failures") || lower.equals("--only=failures")) {
                onlyFailures = true;
            } else if (lower.equals("--only")) {
                if (i + 1 >= args.size() || !"failures".startsWith(args.get(i + 1).toLowerCase(Locale.ROOT))) {
                    return failed("--only takes one value: failures.");
                }
                i++;
                onlyFailures = true;
            } else if (kind == null && kindWord(word).isPresent()) {
                kind = kindWord(word).get();
            } else {
                return failed("Unexpected '" + Kit.clip(word, 40) + "'.");
            }
        }
        return kind == null ? failed("Say which jobs: imports or finetunes.")
                : new SubscribeArgs(kind, model, onlyFailures, null);
    }

    /** "imports", "import", "imp", "finetunes", "fine-tunes", "ft"... as a kind. */
    static Optional<JobKind> kindWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("-", "");
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        if ("imports".startsWith(lower)) {
            return Optional.of(JobKind.IMPORT);
        }
        if ("finetunes".startsWith(lower) || lower.equals("ft")) {
            return Optional.of(JobKind.FINETUNE);
        }
        return Optional.empty();
    }

    private static SubscribeArgs failed(String error) {
        return new SubscribeArgs(null, null, false, error);
    }
}
