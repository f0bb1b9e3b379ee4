package dev.mstudio.repl;

import dev.mstudio.command.Command;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Context;
import dev.mstudio.command.Host;
import dev.mstudio.command.Result;
import dev.mstudio.command.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * Runs commands with nobody at a terminal ({@code -c} options or a script on stdin): plain text,
 * no colour, spinner or status line; results on {@code out}, errors on {@code err} (as is anything
 * that is not JSON while JSON output is on, so that {@code out} can be piped into jq). Stops at
 * the first failing command and returns its exit status.
 */
final class BatchMode implements Interpreter.Console, Host {
    private final PrintStream out;
    private final PrintStream err;
    private final Renderer renderer;
    private final Session session;
    private final Interpreter interpreter;

    BatchMode(Backend backend, PrintStream out, PrintStream err, Settings settings) {
        this.out = out;
        this.err = err;
        this.renderer = new Renderer(new Look(Palette.PLAIN, () -> 0, settings.timeText()));
        this.session = backend.session(this, settings.clock());
        CommandLanguage language = CommandLanguage.standard();
        this.interpreter = new Interpreter(new Interpreter.Runner() {
            @Override
            public Result run(String line) {
                return language.run(session, line);
            }

            @Override
            public Result runConfirmed(Command command) {
                return language.runConfirmed(session, command, Context.repl());
            }
        }, this);
    }

    /** Runs each command in order; the exit status of the first that fails, else 0 (or /exit's). */
    int run(Iterator<String> lines) {
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                if (!Scripts.isCommand(line)) {
                    continue;
                }
                Interpreter.Outcome outcome = interpreter.execute(line.strip());
                if (outcome.exit() || outcome.status() != 0) {
                    return outcome.status();
                }
            }
            return 0;
        } finally {
            session.close();
            out.flush();
            err.flush();
        }
    }

    int run(List<String> commands) {
        return run(commands.iterator());
    }

    /** Reads the script line by line as it arrives (so a slow pipe works) and runs it. */
    int run(BufferedReader script) {
        Iterator<String> lines = new Iterator<>() {
            private String next = read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                String line = next;
                next = read();
                return line;
            }

            private String read() {
                try {
                    return script.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return run(lines);
    }

    @Override
    public synchronized void show(Result result) {
        boolean json = session.jsonOutput();
        boolean toErr = Renderer.isError(result) || (json && Renderer.jsonOf(result) == null);
        PrintStream stream = toErr ? err : out;
        for (String line : renderer.render(result, json)) {
            stream.println(line);
        }
        stream.flush();
    }

    @Override
    public boolean confirm(String question) {
        show(Result.Failure.of(question + " Not confirmed: nobody can answer in a script.",
                "Add --yes to the command to confirm it in advance."));
        return false;
    }

    @Override
    public void notice(Result result) {
        show(result);
    }
}
