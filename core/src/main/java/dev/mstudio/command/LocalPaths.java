package dev.mstudio.command;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells local paths from uploaded file IDs in {@code --data} and {@code --validation}: a path has a
 * "/" or "\", starts with "." or "~", ends in .jsonl/.json/.txt, or (REPL only) names an existing
 * file. Slack takes file IDs only: the bot never reads its own disk for a user.
 */
final class LocalPaths {
    private LocalPaths() {
    }

    /** A refusal when {@code command} names a local path on a surface that cannot read one. */
    static Optional<Result> refusal(Command command, Surface surface) {
        if (surface != Surface.SLACK || command.declaration().arg(WorkflowDeclarations.DATA).isEmpty()) {
            return Optional.empty();
        }
        for (String value : values(command)) {
            if (looksLikePath(value)) {
                return Optional.of(Result.Failure.of("Slack takes uploaded file IDs only; " + ParseErrors.clip(value)
                        + " looks like a local path.", "Upload it in the REPL (./mstudio: /file upload PATH), then"
                        + " use its file ID; files lists them."));
            }
        }
        return Optional.empty();
    }

    static List<String> values(Command command) {
        List<String> all = new ArrayList<>(command.get(WorkflowDeclarations.DATA));
        all.addAll(command.get(WorkflowDeclarations.VALIDATION));
        return all;
    }

    static boolean looksLikePath(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return value.contains("/") || value.contains("\\") || value.startsWith(".") || value.startsWith("~")
                || lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".txt");
    }

    /** In the REPL: a path by its look, or because such a file exists. */
    static boolean isLocal(String value) {
        if (looksLikePath(value)) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
