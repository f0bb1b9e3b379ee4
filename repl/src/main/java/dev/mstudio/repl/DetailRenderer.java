package dev.mstudio.repl;

import dev.mstudio.command.Result.Detail;
import dev.mstudio.command.Result.Field;
import dev.mstudio.command.Result.LogLines;
import java.util.ArrayList;
import java.util.List;

/** One object as aligned "name  value" lines (times absolute and relative), and log excerpts. */
final class DetailRenderer {
    private static final String INDENT = "  ";

    private final Look look;

    DetailRenderer(Look look) {
        this.look = look;
    }

    List<String> render(Detail detail) {
        List<String> out = new ArrayList<>();
        if (detail.title() != null && !detail.title().isBlank()) {
            out.add(look.palette().bold(Text.oneLine(detail.title())));
        }
        int nameWidth = 0;
        for (Field field : detail.fields()) {
            nameWidth = Math.max(nameWidth, Text.width(Text.oneLine(field.name())));
        }
        for (Field field : detail.fields()) {
            String name = Text.oneLine(field.name());
            String label = INDENT + Text.pad(look.palette().dim(name), name, nameWidth, false) + "  ";
            String continuation = " ".repeat(INDENT.length() + nameWidth + 2);
            String[] valueLines = look.plain(field.value(), field.type(), true).split("\n", -1);
            for (int i = 0; i < valueLines.length; i++) {
                String text = look.styled(valueLines[i], field.type());
                out.add((i == 0 ? label : continuation) + text);
            }
        }
        return out;
    }

    List<String> render(LogLines log) {
        List<String> out = new ArrayList<>();
        String title = log.title() == null ? "Log" : Text.oneLine(log.title());
        if (log.lines().isEmpty()) {
            out.add(look.palette().bold(title) + look.palette().dim("  (no lines)"));
            return out;
        }
        int first = log.offset() + 1;
        int last = log.offset() + log.lines().size();
        out.add(look.palette().bold(title) + look.palette().dim("  (lines " + first + "-" + last
                + " of " + Math.max(log.total(), last) + ")"));
        for (String line : log.lines()) {
            out.add(Text.oneLine(line));
        }
        return out;
    }
}
