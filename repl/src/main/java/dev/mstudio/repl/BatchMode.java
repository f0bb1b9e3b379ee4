package dev.mstudio.repl;

import dev.mstudio.command.Command;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Context;
import dev.mstudio.command.Host;
import dev.mstudio.command.Result;
import dev.mstudio.command.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs commands with nobody at a terminal ({@code -c} options or a script on stdin): plain text,
 * no colour, spinner or status line; results on {@code out}, errors on {@code err} (as is anything
 * that is not JSON while JSON output is on, so that {@code out} can be piped into jq). Stops at
 * the first failing command and returns its exit status. Only the literal {@code /exit} ends a
 * script early.
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
        }, this, true);
    }

    /** Runs each {@code -c} command in order; the exit status of the first that fails, else 0 (or /exit's). */
    int run(List<String> commands) {
        try {
            for (String command : commands) {
                Interpreter.Outcome outcome = step(command);
                if (outcome != null && (outcome.exit() || outcome.status() != 0)) {
                    return outcome.status();
                }
            }
            return 0;
        } finally {
            finish();
        }
    }

    /**
     * Reads the script line by line as it arrives (so a slow pipe works) and runs it. A line over
     * {@link ScriptReader#MAX_LINE} characters is refused, naming its number, and ends the run.
     */
    int run(ScriptReader script) {
        try {
            for (ScriptReader.Line line = script.next(); line != null; line = script.next()) {
                if (line.tooLong()) {
                    show(Result.Failure.of("Line " + line.number() + " of the script is longer than "
                            + ScriptReader.MAX_LINE + " characters; refused, and nothing after it was run.",
                            "A command fits on one line; is the input a script?"));
                    return 1;
                }
                Interpreter.Outcome outcome = step(line.text());
                if (outcome != null && (outcome.exit() || outcome.status() != 0)) {
                    return outcome.status();
                }
            }
            return 0;
        } catch (IOException e) {
            show(Result.Failure.of("Cannot read the script: " + TopLevelErrors.describe(e), null));
            return 1;
        } finally {
            finish();
        }
    }

    /** Runs one line; null for a blank line or a comment. */
    private Interpreter.Outcome step(String line) {
        return Scripts.isCommand(line) ? interpreter.execute(Scripts.withoutBom(line).strip()) : null;
    }

    private void finish() {
        session.close();
        out.flush();
        err.flush();
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
