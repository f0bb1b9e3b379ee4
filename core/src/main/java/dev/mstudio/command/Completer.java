package dev.mstudio.command;

import dev.mstudio.command.Grammar.Resolution;
import dev.mstudio.command.Tokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completion as a function of the parsed line: which command (and subcommand) the words name, which
 * option the previous word is, and which slot the word under the cursor fills. Reads only the
 * declarations, the session's job index and its watches: never the network.
 */
final class Completer {
    /**
     * Commands that act on jobs which can still change: their job IDs are offered active first (see
     * {@link SlotValues#of(Session, Slot, String, boolean)}). Qualified picocli names, "/" included.
     */
    private static final Set<String> ACTIVE_FIRST = Set.of("/wait", "/watch", "/finetune cancel");
    private final Grammar grammar;
    private final SlotValues values;

    Completer(Grammar grammar) {
        this.grammar = grammar;
        this.values = new SlotValues(grammar);
    }

    /** Candidates for the last word of {@code before} (the line up to the cursor). */
    List<Candidate> complete(Session session, String before) {
        Tokenizer.Words words = Tokenizer.split(before);
        List<Token> tokens = words.tokens();
        boolean newWord = tokens.isEmpty() || (tokens.get(tokens.size() - 1).end() < before.length()
                && !words.unclosedQuote());
        String current = newWord ? "" : tokens.get(tokens.size() - 1).text();
        List<String> done = (newWord ? tokens : tokens.subList(0, tokens.size() - 1)).stream().map(Token::text).toList();
        if (done.isEmpty()) {
            return commands(current);
        }
        String first = done.get(0);
        Resolution resolution = grammar.resolve(first.startsWith("/") ? first.substring(1) : first);
        if (!resolution.unique()) {
            return List.of();
        }
        CommandLine command = grammar.command(resolution.name());
        List<String> args = done.subList(1, done.size());
        boolean atSubcommand = !command.getSubcommands().isEmpty();
        if (atSubcommand && !args.isEmpty()) {
            Resolution sub = Resolution.of(args.get(0), command.getSubcommands().keySet());
            if (sub.unique()) {
                command = command.getSubcommands().get(sub.name());
                args = args.subList(1, args.size());
                atSubcommand = false;
            }
        }
        return arguments(session, command.getCommandSpec(), args, current, atSubcommand && args.isEmpty());
    }

    private List<Candidate> arguments(Session session, CommandSpec spec, List<String> args, String current,
                                      boolean offerSubcommands) {
        boolean activeFirst = ACTIVE_FIRST.contains(spec.qualifiedName(" "));
        if (!args.isEmpty()) {
            OptionSpec previous = spec.findOption(args.get(args.size() - 1));
            if (previous != null && previous.arity().max() > 0) {
                return grammar.slot(previous).map(slot -> values.of(session, slot, current, activeFirst))
                        .orElse(List.of());
            }
        }
        if (current.startsWith("-")) {
            return options(spec, args, current);
        }
        List<Candidate> candidates = new ArrayList<>();
        if (offerSubcommands) {
            spec.subcommands().forEach((name, sub) -> {
                if (name.startsWith(current.toLowerCase(Locale.ROOT))) {
                    candidates.add(new Candidate(name, grammar.summary(sub), true));
                }
            });
        }
        PositionalParamSpec open = openPositional(spec, args);
        if (open != null) {
            grammar.slot(open).ifPresent(slot -> candidates.addAll(values.of(session, slot, current, activeFirst)));
        } else if (!offerSubcommands) {
            candidates.addAll(options(spec, args, current));
        }
        return candidates;
    }

    /** The positional the next word would fill, or null when every positional is given. */
    private static PositionalParamSpec openPositional(CommandSpec spec, List<String> args) {
        int given = 0;
        for (int i = 0; i < args.size(); i++) {
            OptionSpec option = spec.findOption(args.get(i));
            if (option != null) {
                i += Math.max(0, option.arity().max());
            } else if (!args.get(i).startsWith("-")) {
                given++;
            }
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            int max = positional.arity().max();
            if (given < max || max == Integer.MAX_VALUE) {
                return positional;
            }
            given -= max;
        }
        return null;
    }

    private static List<Candidate> options(CommandSpec spec, List<String> args, String current) {
        Set<String> used = args.stream().collect(Collectors.toSet());
        List<Candidate> candidates = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            String name = option.longestName();
            if (name.startsWith(current) && !used.contains(name)) {
                String[] help = option.description();
                candidates.add(new Candidate(name, help.length == 0 ? "" : help[0], true));
            }
        }
        return candidates;
    }

    private List<Candidate> commands(String current) {
        boolean slash = current.isEmpty() || current.startsWith("/");
        String typed = (current.startsWith("/") ? current.substring(1) : current).toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (String name : grammar.names()) {
            if (name.startsWith(typed) && grammar.declaration(name).policy().allowedIn(Surface.REPL)) {
                String summary = grammar.declaration(name).description();
                candidates.add(new Candidate((slash ? "/" : "") + name, summary, true));
            }
        }
        return candidates;
    }
}
