package dev.mstudio.repl;

import dev.mstudio.command.Host;
import dev.mstudio.command.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jline.reader.History;
import org.jline.reader.LineReader;

/**
 * What the console lends the command language: notices (watch events, followed log lines) printed
 * above the prompt, progress shown in the status line, and the persisted history.
 */
final class TerminalHost implements Host {
    private final Screen screen;
    private final Renderer renderer;
    private final StatusBar status;
    private final BooleanSupplier json;
    private volatile LineReader reader;

    TerminalHost(Screen screen, Renderer renderer, StatusBar status, BooleanSupplier json) {
        this.screen = screen;
        this.renderer = renderer;
        this.status = status;
        this.json = json;
    }

    void attach(LineReader lineReader) {
        this.reader = lineReader;
    }

    @Override
    public void notice(Result result) {
        screen.printAbove(renderer.render(result, json.getAsBoolean()));
        status.refresh();
    }

    @Override
    public void progress(String text) {
        status.progress(text);
    }

    @Override
    public List<String> history() {
        LineReader current = reader;
        List<String> lines = new ArrayList<>();
        if (current != null) {
            for (History.Entry entry : current.getHistory()) {
                lines.add(entry.line());
            }
        }
        return lines;
    }
}
