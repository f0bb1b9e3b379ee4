package dev.mstudio.command;

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
 * Parses the words after a command's name with picocli, against the command's declaration: options,
 * positionals, (abbreviated) subcommands and typed values, each problem reworded by {@link ParseErrors}.
 */
final class ArgumentParser {
    private final Grammar grammar;

    ArgumentParser(Grammar grammar) {
        this.grammar = grammar;
    }

    /** The invocation of command {@code name} (resolved, without "/") with the words after it. */
    Command parse(String name, List<String> args, boolean slash, boolean shared) throws Rejected {
        synchronized (grammar.lock()) {
            CommandLine command = grammar.command(name);
            if (!args.isEmpty() && args.get(0).isBlank() && !command.getSubcommands().isEmpty()) {
                throw ParseErrors.emptyWord(command);
            }
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
            return extract(result, slash, shared);
        }
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

    /** Copies the parsed values out of picocli's (shared, mutable) specs; called under the lock. */
    private Command extract(ParseResult result, boolean slash, boolean shared) throws Rejected {
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
            values.put(positional.paramLabel(), value instanceof List<?> list ? distinct(positional, list, command)
                    : value);
            checkJobIds(positional, command);
        }
        for (OptionSpec option : leaf.matchedOptions()) {
            values.put(option.longestName(), option.getValue());
        }
        return new Command(String.join(" ", path), values, slash, shared, grammar.declaration(path), grammar);
    }

    /** A repeatable positional's words, repeats collapsed, within its declared most. */
    private List<String> distinct(PositionalParamSpec positional, List<?> words, CommandLine command)
            throws Rejected {
        List<String> unique = words.stream().map(String::valueOf).distinct().toList();
        Declaration.Check check = grammar.declared(positional).map(Declaration.Arg::check).orElse(null);
        if (check != null && check.kind() == Declaration.Check.Kind.DISTINCT && unique.size() > check.max()) {
            throw new Rejected("At most " + check.max() + " " + check.what() + " at once; " + unique.size()
                    + " were given.", Usage.line(command));
        }
        return unique;
    }
}
