package dev.mstudio.command;

import dev.mstudio.command.Grammar.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a line into an {@link Invocation}: resolves the command word JShell style (exact name, else
 * unique prefix), then lets picocli parse the rest against that command's declaration (subcommands
 * may be abbreviated too; see {@link ArgumentParser}). Every problem becomes a {@link Rejected} with
 * a one-line message and a hint. A command typed alone that needs nothing more (/help, /imports)
 * has no values to parse: it needs no picocli, which takes a while to load (so the
 * {@link ArgumentParser}, whose class refers to picocli's, is made only when words follow).
 */
final class Parser {
    /** The longest command line accepted, in characters. */
    static final int MAX_LINE = 4_000;
    private final Grammar grammar;

    Parser(Grammar grammar) {
        this.grammar = grammar;
    }

    Command parse(String line) throws Rejected {
        if (line.length() > MAX_LINE) {
            throw new Rejected("The command is " + line.length() + " characters long; at most " + MAX_LINE
                    + " are accepted.", "Shorten it; job IDs and names are far shorter than that.");
        }
        Tokenizer.Words words = Tokenizer.split(line);
        if (words.unclosedQuote()) {
            throw new Rejected("Unclosed quote in: " + ParseErrors.clip(line.strip()),
                    "Close the quote, or escape it with \\.");
        }
        List<Tokenizer.Token> tokens = new ArrayList<>(words.tokens());
        boolean shared = tokens.removeIf(Parser::sharing);
        if (tokens.isEmpty()) {
            throw new Rejected("Missing command.", "Type /help for the list of commands.");
        }
        String first = tokens.get(0).text();
        boolean slash = first.startsWith("/");
        String name = resolve(slash ? first.substring(1) : first);
        if (tokens.size() == 1 && grammar.declaration(name).runsBare()) {
            return new Command(name, Map.of(), slash, shared, grammar.declaration(name), grammar);
        }
        List<String> args = new ArrayList<>();
        for (Tokenizer.Token token : tokens.subList(1, tokens.size())) {
            splitAssignment(token, args);
        }
        return new ArgumentParser(grammar).parse(name, args, slash, shared);
    }

    /** The flag that shares an answer with a Slack channel: --public or --in-channel, unquoted, any case. */
    private static boolean sharing(Tokenizer.Token token) {
        String text = token.text().toLowerCase(java.util.Locale.ROOT);
        return !token.quoted() && (text.equals("--public") || text.equals("--in-channel"));
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
}
