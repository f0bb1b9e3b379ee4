package dev.mstudio.repl;

import dev.mstudio.command.Result.Failure;
import dev.mstudio.command.Result.Message;
import java.util.ArrayList;
import java.util.List;

/** Sentences for people in JShell's manner: every line starts with "|  ". */
final class Feedback {
    static final String PREFIX = "|  ";

    private final Palette palette;

    Feedback(Palette palette) {
        this.palette = palette;
    }

    List<String> message(Message message) {
        String text = message.text() == null ? "" : Text.printable(message.text());
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String styled = switch (message.level()) {
                case SUCCESS -> palette.green(line);
                case WARNING -> i == 0 ? palette.yellow("Warning: ") + line : line;
                case INFO -> line;
            };
            out.add(PREFIX + styled);
        }
        return out;
    }

    /** One line "Error: Code: message (request_id R)", then the hint's lines. */
    List<String> failure(Failure failure) {
        List<String> out = new ArrayList<>();
        out.add(PREFIX + palette.red("Error: ") + Text.oneLine(errorLine(failure)));
        if (failure.hint() != null && !failure.hint().isBlank()) {
            for (String line : Text.printable(failure.hint()).split("\n")) {
                out.add(PREFIX + palette.dim(line));
            }
        }
        return out;
    }

    /** Lines in the feedback style, e.g. the banner. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            out.add(PREFIX + line);
        }
        return out;
    }

    static String errorLine(Failure failure) {
        String message = failure.message() == null ? "failed" : failure.message().strip();
        // the line already starts with "Error: "; a message saying it again would read "Error: Error: ..."
        while (message.regionMatches(true, 0, "Error: ", 0, 7)) {
            message = message.substring(7).strip();
        }
        StringBuilder line = new StringBuilder();
        String code = failure.code();
        if (code != null && !code.isBlank() && !message.startsWith(code)) {
            line.append(code).append(": ");
        }
        line.append(message);
        String requestId = failure.requestId();
        if (requestId != null && !requestId.isBlank() && !message.contains(requestId)) {
            line.append(" (request_id ").append(requestId).append(')');
        }
        return line.toString();
    }
}
