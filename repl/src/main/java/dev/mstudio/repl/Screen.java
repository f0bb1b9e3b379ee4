package dev.mstudio.repl;

import java.util.List;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * Everything written to the terminal goes through here, so that output from commands, notices
 * from watcher threads and the status line never interleave. While the user is typing, notices
 * are printed above the prompt and the status line is redrawn inside the line reader (through a
 * widget, under its lock), so what is being typed is left alone.
 */
final class Screen {
    static final String STATUS_WIDGET = "mstudio-redraw-status";

    private final Terminal terminal;
    private final Object lock = new Object();
    private volatile LineReader reader;
    private volatile Runnable statusPainter = () -> { };

    Screen(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Connects the line reader, and how the status line paints itself (run under the reader's lock when reading). */
    void attach(LineReader lineReader, Runnable painter) {
        this.statusPainter = painter;
        lineReader.getWidgets().put(STATUS_WIDGET, () -> {
            painter.run();
            return true;
        });
        this.reader = lineReader;
    }

    int width() {
        return terminal.getWidth();
    }

    /** A command's own output, printed where the cursor is (no prompt is showing). */
    void print(List<String> lines) {
        synchronized (lock) {
            for (String line : lines) {
                terminal.writer().println(line);
            }
            terminal.flush();
        }
    }

    /** Something that happened meanwhile: above the prompt when one is showing, else printed like output. */
    void printAbove(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        LineReader current = reader;
        synchronized (lock) {
            if (current == null) {
                print(lines);
            } else {
                current.printAbove(String.join("\n", lines));
            }
        }
    }

    /** Repaints the status line without disturbing the line being edited. */
    void repaintStatus() {
        LineReader current = reader;
        if (current != null && current.isReading()) {
            try {
                current.callWidget(STATUS_WIDGET);
                return;
            } catch (IllegalStateException readingJustEnded) {
                // fall through: paint directly
            }
        }
        synchronized (lock) {
            statusPainter.run();
            terminal.flush();
        }
    }
}
