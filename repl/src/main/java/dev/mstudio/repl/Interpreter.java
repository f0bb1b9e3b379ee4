package dev.mstudio.repl;

import dev.mstudio.command.Command;
import dev.mstudio.command.Result;

/**
 * Acts on what a command gives back, the same way in a terminal and in a script: shows it, asks
 * before destructive commands, runs {@code /open} scripts line by line (stopping at the first
 * failure) and ends on {@code /exit}. In a script (batch mode, or any {@code /open}'ed file) only
 * the literal {@code /exit} ends the run: an abbreviation such as {@code e} or {@code ex} is refused
 * rather than silently ending with status 0. Commands themselves run through {@code runner}, which
 * never throws (core's contract; a throwing runner is reported as one line).
 */
final class Interpreter {
    private static final int MAX_SCRIPT_DEPTH = 8;

    /** Where results go and how a yes/no question is answered. */
    interface Console {
        void show(Result result);

        /**
         * Asks "question [y/N]"; false when the answer is not yes or nobody can answer, in which
         * case the console has said so.
         */
        boolean confirm(String question);
    }

    /** Runs lines, and commands the user confirmed; core's contract: never throws. */
    interface Runner {
        Result run(String line);

        /** Runs a command the user said yes to (core checks its policy again, without asking). */
        Result runConfirmed(Command command);
    }

    /** What running a line led to: its exit status, and whether the session should end. */
    record Outcome(int status, boolean exit) {
        static final Outcome OK = new Outcome(0, false);
    }

    private final Runner runner;
    private final Console console;
    private final boolean scriptMode;

    /** An interactive interpreter: a typed abbreviation of /exit ends the session. */
    Interpreter(Runner runner, Console console) {
        this(runner, console, false);
    }

    /** {@code script}: every line is a script line, which only the literal /exit may end. */
    Interpreter(Runner runner, Console console, boolean script) {
        this.runner = runner;
        this.console = console;
        this.scriptMode = script;
    }

    Outcome execute(String line) {
        return execute(line, 0);
    }

    private Outcome execute(String line, int depth) {
        Result result;
        try {
            result = runner.run(line);
        } catch (RuntimeException e) {
            result = TopLevelErrors.failure(e);
        }
        if (result instanceof Result.Exit && (scriptMode || depth > 0) && !Scripts.isLiteralExit(line)) {
            result = Result.Failure.of("'" + Text.oneLine(line) + "' would end the script; a script ends early only"
                    + " at the literal /exit.", "Write /exit (or /exit N) to end a script before its last line.");
        }
        return handle(result, depth);
    }

    private Outcome handle(Result result, int depth) {
        if (result instanceof Result.Exit exit) {
            return new Outcome(exit.exitCode(), true);
        }
        if (result instanceof Result.Confirm confirm) {
            return confirm(confirm, depth);
        }
        if (result instanceof Result.Script script) {
            return script(script, depth);
        }
        console.show(result);
        return new Outcome(result.exitCode(), false);
    }

    private Outcome confirm(Result.Confirm confirm, int depth) {
        if (console.confirm(confirm.question())) {
            Result result;
            try {
                result = runner.runConfirmed(confirm.command());
            } catch (RuntimeException e) {
                result = TopLevelErrors.failure(e);
            }
            return handle(result, depth);
        }
        return new Outcome(1, false);
    }

    private Outcome script(Result.Script script, int depth) {
        if (depth >= MAX_SCRIPT_DEPTH) {
            Result.Failure tooDeep = Result.Failure.of("Scripts nested too deeply in " + script.source(),
                    "An /open'ed file may open others, at most " + MAX_SCRIPT_DEPTH + " levels deep.");
            console.show(tooDeep);
            return new Outcome(tooDeep.exitCode(), false);
        }
        for (String line : script.lines()) {
            if (Scripts.isCommand(line)) {
                Outcome outcome = execute(Scripts.withoutBom(line).strip(), depth + 1);
                if (outcome.exit() || outcome.status() != 0) {
                    return outcome;
                }
            }
        }
        return Outcome.OK;
    }
}
