package dev.mstudio.command;

import dev.mstudio.command.Grammar.Resolution;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** /help: the overview of every command, and each command's usage, both from the declarations. */
final class HelpText {
    private static final String FOOTER = "Any unique prefix of a command works (/n is /next). /help CMD shows one command.";
    private final Grammar grammar;
    private static final java.util.regex.Pattern SLASHED = java.util.regex.Pattern.compile("(^|[\\s|\\[(])/(?=[a-z])");
    private final List<List<Object>> rows;
    private final List<List<Object>> slackRows;

    HelpText(Grammar grammar) {
        this.grammar = grammar;
        this.rows = overviewRows(grammar, Surface.REPL);
        this.slackRows = overviewRows(grammar, Surface.SLACK).stream()
                .map(row -> java.util.Arrays.<Object>asList(unslash(row.get(0).toString()), row.get(1))).toList();
    }

    Result.Table overview() {
        return overview(Surface.REPL);
    }

    /** The commands allowed on {@code surface}; in Slack written without "/", as typed there. */
    Result.Table overview(Surface surface) {
        boolean slack = surface == Surface.SLACK;
        return new Result.Table("Commands", List.of(new Column("COMMAND", ValueType.TEXT),
                new Column("DESCRIPTION", ValueType.TEXT)), slack ? slackRows : rows, slack ? unslash(FOOTER) : FOOTER,
                null);
    }

    /** "/imports [--status S]" as "imports [--status S]". */
    static String unslash(String text) {
        return SLASHED.matcher(text).replaceAll("$1");
    }

    String overviewText() {
        int width = rows.stream().mapToInt(row -> row.get(0).toString().length()).filter(w -> w <= 44).max().orElse(20);
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            String command = row.get(0).toString();
            text.append("  ").append(command);
            text.append(command.length() <= width ? " ".repeat(width - command.length() + 2)
                    : "\n  " + " ".repeat(width + 2));
            text.append(row.get(1)).append('\n');
        }
        return text.append(FOOTER).toString();
    }

    /** Usage of "imports", "/imp" (every match), or "import create"; empty when nothing matches. */
    Optional<String> help(String topic) {
        String[] words = topic == null ? new String[0] : topic.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty() || words[0].equals("/")) {
            return Optional.empty();
        }
        Resolution resolution = grammar.resolve(words[0].startsWith("/") ? words[0].substring(1) : words[0]);
        if (resolution.matches().isEmpty()) {
            return Optional.empty();
        }
        if (!resolution.unique()) {
            return Optional.of(resolution.matches().stream().map(name -> Usage.full(grammar.command(name)))
                    .collect(Collectors.joining("\n\n")));
        }
        CommandLine command = grammar.command(resolution.name());
        if (words.length > 1) {
            Resolution sub = Resolution.of(words[1], command.getSubcommands().keySet());
            if (sub.unique()) {
                command = command.getSubcommands().get(sub.name());
            }
        }
        return Optional.of(Usage.full(command));
    }

    String unknown(String topic) {
        String word = topic.strip().split("\\s+")[0];
        String bare = word.startsWith("/") ? word.substring(1) : word;
        return "Unknown command /" + ParseErrors.clip(bare) + "."
                + Suggest.nearest(bare, grammar.names()).map(name -> " Did you mean /" + name + "?").orElse("");
    }

    /** One row per form: a command's synopsis and summary, or, for one with subcommands, each subcommand's. */
    private static List<List<Object>> overviewRows(Grammar grammar, Surface surface) {
        List<List<Object>> rows = new ArrayList<>();
        for (String name : grammar.names()) {
            Declaration command = grammar.declaration(name);
            if (!command.policy().allowedIn(surface)) {
                continue;
            }
            if (command.subcommands().isEmpty()) {
                rows.add(Arrays.asList(command.synopsisLine(), command.description()));
                continue;
            }
            if (command.hasPositionals()) {
                rows.add(Arrays.asList(command.synopsis().get(0), command.description()));
            }
            command.subcommands().stream().filter(sub -> sub.policy().allowedIn(surface))
                    .forEach(sub -> rows.add(Arrays.asList(sub.synopsisLine(), sub.description())));
        }
        return List.copyOf(rows);
    }
}
