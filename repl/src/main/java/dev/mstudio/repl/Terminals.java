package dev.mstudio.repl;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Opening the user's terminal, and what kind it is. */
final class Terminals {
    private Terminals() {
    }

    static Terminal system() throws IOException {
        return TerminalBuilder.builder().system(true).name("mstudio").encoding(charset()).build();
    }

    /** The locale's charset, except that a plain-ASCII locale (C, POSIX) gets UTF-8 rather than '?' for "·" and "→". */
    static Charset charset() {
        Charset locale = Charset.defaultCharset();
        return locale.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : locale;
    }

    static boolean dumb(Terminal terminal) {
        String type = terminal.getType();
        return type == null || type.startsWith(Terminal.TYPE_DUMB);
    }
}
