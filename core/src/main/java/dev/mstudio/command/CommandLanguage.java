package dev.mstudio.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one command language of mstudio, shared by the REPL and the Slack bot. Each command is
 * declared once (names, options, value types, usage and help text); that declaration drives
 * parsing (through a picocli command built from it on first need), {@code /help} and completion.
 * Immutable and thread-safe: one instance serves every {@link Session}.
 *
 * <p>The leading "/" is optional ({@code "imports --status RUNNING"} works), and any unique prefix
 * of a command or subcommand name works, JShell style ({@code /n} is {@code /next}; {@code /imp} is
 * ambiguous between {@code /import} and {@code /imports}, and an exact name always wins).
 *
 * <pre>{@code
 * CommandLanguage language = CommandLanguage.standard();
 * Result result = language.run(session, "/imports --status RUNNING");
 * }</pre>
 */
public final class CommandLanguage {
    private static final Result NOTHING = new Result.Message(Result.Level.INFO, "", 0, null);

    private final Grammar grammar;
    private final Parser parser;
    private final HelpText helpText;
    private final Commands commands;

    private CommandLanguage(Grammar grammar) {
        this.grammar = grammar;
        this.parser = new Parser(grammar);
        this.helpText = new HelpText(grammar);
        this.commands = new Commands(helpText);
    }

    /** The language with every command of the design: /imports, /import, ... /exit. */
    public static CommandLanguage standard() {
        return Standard.INSTANCE;
    }

    /**
     * Parses and runs one line. Never throws: every problem comes back as a {@link Result.Failure}
     * with a one-line message and a hint. A blank line, or one starting with {@code #} (a comment in
     * a script), returns an INFO {@link Result.Message} with empty text, which front ends show as
     * nothing. Blocks while {@code /wait} or {@code /finetune logs --follow} runs; when the calling
     * thread is interrupted (Ctrl-C) it stops promptly and returns a Failure "interrupted" (exit
     * code 130), consuming the interrupt: the thread's interrupt status is clear afterwards.
     */
    public Result run(Session session, String line) {
        Objects.requireNonNull(session, "session");
        if (line == null || line.isBlank() || line.strip().startsWith("#")) {
            return NOTHING;
        }
        Invocation invocation;
        try {
            invocation = parser.parse(line);
        } catch (Rejected rejected) {
            return rejected.failure();
        } catch (RuntimeException unexpected) {
            return Errors.unexpected(unexpected);
        }
        return commands.run(session, invocation);
    }

    /**
     * Completion candidates for the word under {@code cursor} in {@code line}: command names,
     * subcommands, options, option values (statuses of the right kind, lora|full, regions,
     * table|json, model names seen) and job IDs of the right kind from the session's job index, each
     * with a short description. A candidate's value replaces the word the cursor is in (from its
     * start to the cursor). Never makes a network request; fast.
     */
    public List<Candidate> complete(Session session, String line, int cursor) {
        Objects.requireNonNull(session, "session");
        String text = line == null ? "" : line;
        try {
            // made per call: a Completer refers to picocli's classes, which are slow to load until needed
            Completer completer = new Completer(grammar);
            return completer.complete(session, text.substring(0, Math.max(0, Math.min(cursor, text.length()))));
        } catch (RuntimeException unexpected) {
            return List.of();
        }
    }

    /**
     * The usage and description of a command ("/imports", "imports", a unique prefix such as "/n",
     * or a subcommand such as "import create"); for an ambiguous prefix, the usage of every match.
     * Empty when nothing matches.
     */
    public Optional<String> help(String commandOrPrefix) {
        return helpText.help(commandOrPrefix);
    }

    /** The table of every command with a one-line description, as {@code /help} shows it, as plain text. */
    public String helpOverview() {
        return helpText.overviewText();
    }

    /**
     * Builds now what the first parse, completion or usage of each command would otherwise build
     * then: its picocli parser (picocli takes a while to load). For a console to call on a
     * background thread while it waits for its user; any number of times, from any thread.
     */
    public void prepare() {
        grammar.buildAll();
    }

    /** Every command name with its "/", in the order {@code /help} lists them: "/imports", "/import", ... */
    public List<String> commandNames() {
        return grammar.names().stream().map(name -> "/" + name).toList();
    }

    /** Built on first use, once. */
    private static final class Standard {
        static final CommandLanguage INSTANCE = new CommandLanguage(Grammar.standard());
    }
}
