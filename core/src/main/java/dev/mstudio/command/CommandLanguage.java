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
    private final Commands commands;

    private CommandLanguage(Grammar grammar) {
        this.grammar = grammar;
        this.parser = new Parser(grammar);
        this.commands = new Commands();
    }

    /** The language with every command of the design: /imports, /import, ... /exit. */
    public static CommandLanguage standard() {
        return Standard.INSTANCE;
    }

    /**
     * This language with {@code handler} bound to the declared command at {@code path}: how a front
     * end runs the commands only it can ({@code subscribe} in Slack) or runs one its own way
     * ({@code watch} in a channel). Parsing, help, completion and policy stay those of the declaration.
     *
     * @throws IllegalArgumentException when no command is declared at {@code path}
     */
    public CommandLanguage bind(String path, Handler handler) {
        return new CommandLanguage(grammar.bind(path, Objects.requireNonNull(handler, "handler")));
    }

    /**
     * Parses one line into a {@link Command}, or says why it does not parse. Blank lines and
     * {@code #} comments give neither. Never throws; lines over 4,000 characters are refused.
     */
    public Parsed parse(String line) {
        if (blank(line)) {
            return new Parsed(null, null);
        }
        try {
            return new Parsed(parser.parse(line), null);
        } catch (Rejected rejected) {
            return new Parsed(null, rejected.failure());
        } catch (RuntimeException unexpected) {
            return new Parsed(null, Errors.unexpected(unexpected));
        }
    }

    /**
     * Parses and runs one line in the REPL ({@link Context#repl()}). Never throws: every problem
     * comes back as a {@link Result.Failure} with a one-line message and a hint. A blank line, or
     * one starting with {@code #} (a comment in a script), returns an INFO {@link Result.Message}
     * with empty text, which front ends show as nothing. Blocks while {@code /wait} or
     * {@code /finetune logs --follow} runs; when the calling thread is interrupted (Ctrl-C) it
     * stops promptly and returns a Failure "interrupted" (exit code 130), consuming the interrupt.
     */
    public Result run(Session session, String line) {
        return run(session, line, Context.repl());
    }

    /** Parses and runs one line for {@code context}; see {@link #run(Session, Command, Context)}. */
    public Result run(Session session, String line, Context context) {
        Objects.requireNonNull(session, "session");
        Parsed parsed = parse(line);
        if (parsed.failure() != null) {
            return parsed.failure();
        }
        return parsed.command() == null ? NOTHING : run(session, parsed.command(), context);
    }

    /**
     * Runs a parsed command after the one policy check: a command not allowed on the context's
     * surface is refused; a destructive one is refused to a non-admin in Slack, and otherwise
     * comes back as a {@link Result.Confirm} to ask (in the REPL {@code --yes} answers it).
     */
    public Result run(Session session, Command command, Context context) {
        return commands.run(Objects.requireNonNull(session, "session"), Objects.requireNonNull(command, "command"),
                Objects.requireNonNull(context, "context"), false);
    }

    /**
     * Runs a command the person has confirmed ({@link Result.Confirm#command()}): the policy is
     * checked again (surface, admin), only the question is not asked again.
     */
    public Result runConfirmed(Session session, Command command, Context context) {
        return commands.run(Objects.requireNonNull(session, "session"), Objects.requireNonNull(command, "command"),
                Objects.requireNonNull(context, "context"), true);
    }

    /** Every declared command with its policy, for documentation and tests: path, destructive, surfaces. */
    public List<Policy> policies() {
        List<Policy> all = new java.util.ArrayList<>();
        for (Declaration declaration : grammar.declarations()) {
            addPolicies(declaration, all);
        }
        return List.copyOf(all);
    }

    private static void addPolicies(Declaration declaration, List<Policy> all) {
        if (declaration.handler() != null || declaration.subcommands().isEmpty()) {
            all.add(new Policy(declaration.path(), declaration.policy().destructive(),
                    java.util.Set.copyOf(declaration.policy().surfaces()), declaration.handler() != null));
        }
        declaration.subcommands().forEach(sub -> addPolicies(sub, all));
    }

    /** What {@link #parse} gives: a command, or the failure to show; both null for a blank line or a comment. */
    public record Parsed(Command command, Result.Failure failure) {
    }

    /** One command's policy: its path, whether it is destructive, where it is allowed, whether it is bound. */
    public record Policy(String path, boolean destructive, java.util.Set<Surface> surfaces, boolean bound) {
    }

    private static boolean blank(String line) {
        if (line == null) {
            return true;
        }
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#") || stripped.codePoints().allMatch(Tokenizer::separates);
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
        return grammar.helpText().help(commandOrPrefix);
    }

    /** The table of every command with a one-line description, as {@code /help} shows it, as plain text. */
    public String helpOverview() {
        return grammar.helpText().overviewText();
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
