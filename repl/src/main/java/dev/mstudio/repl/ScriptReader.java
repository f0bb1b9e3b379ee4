package dev.mstudio.repl;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a script one line at a time without ever holding more than {@link #MAX_LINE} characters:
 * a longer line is reported (with its number) as soon as the cap is passed, without reading on, so
 * that {@code mstudio < /dev/zero} stays small. A UTF-8 byte-order mark at the start is dropped;
 * lines end at {@code \n}, {@code \r\n} or {@code \r}.
 */
final class ScriptReader {
    /** 64 KiB: far beyond any command, small enough to hold. */
    static final int MAX_LINE = 64 * 1024;
    private static final char BOM = '\uFEFF';

    /** One line: its 1-based number and text, or {@code tooLong} with no text. */
    record Line(int number, String text, boolean tooLong) {
    }

    private final Reader in;
    private final int max;
    private int number;
    private int pushedBack;
    private boolean hasPushedBack;

    ScriptReader(Reader in) {
        this(in, MAX_LINE);
    }

    ScriptReader(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        int c = read();
        if (c < 0) {
            return null;
        }
        number++;
        if (number == 1 && c == BOM) {
            c = read();
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() == max) {
                return new Line(number, null, true);
            }
            line.append((char) c);
            c = read();
        }
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                pushedBack = after;
                hasPushedBack = true;
            }
        }
        return new Line(number, line.toString(), false);
    }

    private int read() throws IOException {
        if (hasPushedBack) {
            hasPushedBack = false;
            return pushedBack;
        }
        return in.read();
    }
}
