package dev.mstudio.command;

import dev.mstudio.command.Grammar.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns a line into an {@link Invocation}: resolves the command word JShell style (exact name, else
 * unique prefix), then lets picocli parse the rest against that command's declaration (subcommands
 * may be abbreviated too). Every problem becomes a {@link Rejected} with a one-line message and a hint.
 */
final class Parser {
    private final Grammar grammar;

    Parser(Grammar grammar) {
        this.grammar = grammar;
    }

    Invocation parse(String line) throws Rejected {
        Tokenizer.Words words = Tokenizer.split(line);
        if (words.unclosedQuote()) {
            throw new Rejected("Unclosed quote in: " + line.strip(), "Close the quote, or escape it with \\.");
        }
        List<Tokenizer.Token> tokens = words.tokens();
        String first = tokens.get(0).text();
        boolean slash = first.startsWith("/");
        CommandLine command = grammar.command(resolve(slash ? first.substring(1) : first));
        List<String> args = new ArrayList<>();
        for (Tokenizer.Token token : tokens.subList(1, tokens.size())) {
            splitAssignment(token, args);
        }
        synchronized (grammar.lock()) {
            ParseResult result;
            try {
                result = command.parseArgs(args.toArray(String[]::new));
            } catch (ParameterException e) {
                throw ParseErrors.rejected(List.of(e), command);
            }
            List<Exception> errors = new ArrayList<>();
            for (ParseResult level = result; level != null; level = level.subcommand()) {
                errors.addAll(level.errors());
            }
            if (!errors.isEmpty()) {
                throw ParseErrors.rejected(errors, command);
            }
            return extract(result, slash);
        }
    }

    /** The command a typed word names, or why it names none. */
    private String resolve(String word) throws Rejected {
        if (word.isEmpty()) {
            throw new Rejected("Missing command name after /.", "Type /help for the list of commands.");
        }
        Resolution resolution = grammar.resolve(word);
        if (resolution.unique()) {
            return resolution.name();
        }
        String shown = "/" + ParseErrors.clip(word);
        if (resolution.matches().isEmpty()) {
            String nearest = Suggest.nearest(word, grammar.names()).map(name -> " Did you mean /" + name + "?")
                    .orElse("");
            throw new Rejected("Unknown command " + shown + "." + nearest, "Type /help for the list of commands.");
        }
        List<String> slashed = resolution.matches().stream().sorted().map(name -> "/" + name).toList();
        throw new Rejected("Ambiguous command " + shown + ": it could be " + String.join(", ", slashed) + ".",
                "Type more of the name: " + String.join(" or ", slashed) + ".");
    }

    /** Job IDs go into URLs: refuse the ones that would change the URL rather than name a job. */
    private void checkJobIds(PositionalParamSpec positional, CommandLine command) throws Rejected {
        Slot.Type type = grammar.slot(positional).map(Slot::type).orElse(Slot.Type.TEXT);
        if (type != Slot.Type.JOB_ID && type != Slot.Type.WATCHED_ID) {
            return;
        }
        for (String id : positional.stringValues()) {
            try {
                Converters.jobId(id);
            } catch (TypeConversionException e) {
                throw new Rejected(e.getMessage(), Usage.line(command));
            }
        }
    }

    /** "--status=RUNNING" as two words, as if typed "--status RUNNING" (quoted words stay whole). */
    private static void splitAssignment(Tokenizer.Token token, List<String> args) {
        String text = token.text();
        int equals = text.indexOf('=');
        if (!token.quoted() && text.startsWith("--") && equals > 2) {
            args.add(text.substring(0, equals));
            args.add(text.substring(equals + 1));
        } else {
            args.add(text);
        }
    }

    /** Copies the parsed values out of picocli's (shared, mutable) specs; called under the lock. */
    private Invocation extract(ParseResult result, boolean slash) throws Rejected {
        List<String> path = new ArrayList<>(List.of(result.commandSpec().name().substring(1)));
        ParseResult leaf = result;
        while (leaf.subcommand() != null) {
            if (!leaf.matchedPositionals().isEmpty()) {
                throw new Rejected("Unexpected " + leaf.matchedPositionals().get(0).paramLabel() + " '"
                        + ParseErrors.clip(leaf.matchedPositionals().get(0).stringValues().get(0)) + "' before "
                        + leaf.subcommand().commandSpec().name() + ".", Usage.line(leaf.commandSpec().commandLine()));
            }
            leaf = leaf.subcommand();
            path.add(leaf.commandSpec().name());
        }
        CommandLine command = leaf.commandSpec().commandLine();
        if (!command.getSubcommands().isEmpty() && leaf.matchedPositionals().isEmpty()) {
            throw ParseErrors.missingSubcommand(command);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (PositionalParamSpec positional : leaf.matchedPositionals()) {
            Object value = positional.getValue();
            values.put(positional.paramLabel(), value instanceof List<?> list ? List.copyOf(list) : value);
            checkJobIds(positional, command);
        }
        for (OptionSpec option : leaf.matchedOptions()) {
            values.put(option.longestName(), option.getValue());
        }
        return new Invocation(String.join(" ", path), values, slash, command);
    }
}
