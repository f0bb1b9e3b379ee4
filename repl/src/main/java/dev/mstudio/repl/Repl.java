package dev.mstudio.repl;

import dev.mstudio.command.Command;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Context;
import dev.mstudio.command.Result;
import dev.mstudio.command.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;

/**
 * The interactive console, JShell style: a banner, the {@code mstudio> } prompt, Tab completion,
 * history kept in {@code ~/.mstudio/history}, watch notices above the prompt and a status line.
 * Commands run on a worker thread; Ctrl-C stops the command (a {@code /wait}, a slow call), never
 * the console; Ctrl-D or {@code /exit [N]} leaves.
 */
final class Repl implements Interpreter.Console, AutoCloseable {
    static final String PROMPT = "mstudio> ";

    private final Terminal terminal;
    private final Backend backend;
    private final Screen screen;
    private final Renderer renderer;
    private final StatusBar status;
    private final Session session;
    private final CommandLanguage language = CommandLanguage.standard();
    private final Worker worker = new Worker();
    private final LineReader reader;
    private final Interpreter interpreter;

    Repl(Terminal terminal, Backend backend, Settings settings) {
        this.terminal = terminal;
        this.backend = backend;
        Palette palette = settings.palette(!Terminals.dumb(terminal));
        this.screen = new Screen(terminal);
        this.renderer = new Renderer(new Look(palette, terminal::getWidth, settings.timeText()));
        this.status = new StatusBar(terminal, screen, this::watchCount,
                backend.sandboxMode() ? "sandbox" : "DashScope", palette.enabled());
        TerminalHost host = new TerminalHost(screen, renderer, status, this::jsonOutput);
        this.session = backend.session(host, settings.clock());
        this.reader = lineReader(settings);
        screen.attach(reader, status::paint);
        host.attach(reader);
        this.interpreter = new Interpreter(new Interpreter.Runner() {
            @Override
            public Result run(String line) {
                return runCommand(() -> language.run(session, line));
            }

            @Override
            public Result runConfirmed(Command command) {
                return runCommand(() -> language.runConfirmed(session, command, Context.repl()));
            }
        }, this);
        terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
    }

    /** Reads and runs commands until Ctrl-D or /exit; returns the exit status. */
    int run() {
        screen.print(Feedback.lines(banner()));
        backend.warmIndex();
        prepareParsers();
        status.refresh();
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return 0;
            }
            if (!Scripts.isCommand(line)) {
                continue;
            }
            if (line.length() > ScriptReader.MAX_LINE) {
                show(Result.Failure.of("The line is longer than " + ScriptReader.MAX_LINE + " characters; not run.",
                        "A command fits on one line; to run many, put them in a file and /open it."));
                continue;
            }
            Interpreter.Outcome outcome = interpreter.execute(line.strip());
            if (outcome.exit()) {
                return outcome.status();
            }
        }
    }

    @Override
    public void show(Result result) {
        screen.print(renderer.render(result, session.jsonOutput()));
    }

    @Override
    public boolean confirm(String question) {
        String answer = "";
        Object history = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            answer = reader.readLine(Feedback.PREFIX + Text.oneLine(question) + " [y/N] ");
        } catch (UserInterruptException | EndOfFileException e) {
            answer = "";
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, history == null ? Boolean.FALSE : history);
        }
        String word = answer.strip().toLowerCase(Locale.ROOT);
        if (word.equals("y") || word.equals("yes")) {
            return true;
        }
        screen.print(List.of(Feedback.PREFIX + "Not confirmed; nothing was changed."));
        return false;
    }

    @Override
    public void close() {
        status.close();
        worker.close();
        session.close();
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            screen.print(List.of(Feedback.PREFIX + "Could not save the history: " + TopLevelErrors.describe(e)));
        }
    }

    private Result runCommand(java.util.function.Supplier<Result> command) {
        status.busy(true);
        try {
            return worker.call(command);
        } finally {
            status.busy(false);
        }
    }

    /**
     * Builds the commands' parsers on a background thread while the user reads the prompt, so that
     * the first command or Tab does not wait for picocli to load (a batch run, which starts
     * parsing at once, builds only those it needs, when it needs them).
     */
    private void prepareParsers() {
        Thread thread = new Thread(language::prepare, "mstudio-parsers");
        thread.setDaemon(true);
        thread.start();
    }

    private String banner() {
        String where;
        try {
            where = backend.describe();
        } catch (RuntimeException e) {
            return "Welcome to mstudio " + Main.VERSION + "\n" + Feedback.PREFIX + "Error: "
                    + Feedback.errorLine(TopLevelErrors.failure(e)) + "\nFor the commands type: /help";
        }
        String text = "Welcome to mstudio " + Main.VERSION + " -- " + where + "\nFor the commands type: /help"
                + " (Tab completes commands, options and job IDs)";
        if (backend.sandboxMode()) {
            text += "\nThe sandbox holds demo jobs, some about to finish: try /imports --status RUNNING";
        }
        return text;
    }

    private LineReader lineReader(Settings settings) {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mstudio")
                .completer(new CommandCompleter(language, session))
                .history(new DefaultHistory())
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.LIST_AMBIGUOUS, true)
                .option(LineReader.Option.AUTO_MENU, false)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.COMPLETE_MATCHER_TYPO, false);
        try {
            Files.createDirectories(settings.historyFile().getParent());
            builder.variable(LineReader.HISTORY_FILE, settings.historyFile());
        } catch (IOException | RuntimeException e) {
            terminal.writer().println(Feedback.PREFIX + "History will not be kept: " + TopLevelErrors.describe(e));
        }
        return builder.build();
    }

    private int watchCount() {
        Session current = session;
        return current == null ? 0 : current.watchCount();
    }

    private boolean jsonOutput() {
        Session current = session;
        return current != null && current.jsonOutput();
    }
}
