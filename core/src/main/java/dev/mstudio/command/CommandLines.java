package dev.mstudio.command;

import dev.mstudio.command.Declaration.Arg;
import dev.mstudio.command.Declaration.Check;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Turns a {@link Declaration} into the picocli command line that parses it and renders its full
 * usage: every option and positional with its type, converter and help, the declared usage forms,
 * and the subcommands. Records the {@link Slot} of each argument it creates. picocli takes a while
 * to load, so {@link Grammar} does this only when a command is first parsed, completed or explained.
 */
final class CommandLines {
    private CommandLines() {
    }

    static CommandLine build(Declaration declaration, Map<ArgSpec, Arg> declared) {
        CommandSpec spec = CommandSpec.create().name(declaration.name());
        spec.usageMessage().description(declaration.description()).sortOptions(false).sortSynopsis(false)
                .abbreviateSynopsis(false).width(100).adjustLineBreaksForWideCJKCharacters(false);
        spec.parser().separator(" ").collectErrors(true).expandAtFiles(false)
                .abbreviatedSubcommandsAllowed(true).overwrittenOptionsAllowed(false)
                .caseInsensitiveEnumValuesAllowed(true);
        spec.subcommandsCaseInsensitive(true).optionsCaseInsensitive(true);
        for (Arg arg : declaration.args()) {
            ArgSpec built = arg.positional() ? positional(arg) : option(arg);
            if (built instanceof OptionSpec option) {
                spec.addOption(option);
            } else {
                spec.addPositional((PositionalParamSpec) built);
            }
            declared.put(built, arg);
        }
        spec.usageMessage().customSynopsis(synopsis(declaration.synopsis()));
        if (!declaration.footer().isEmpty()) {
            spec.usageMessage().footer(declaration.footer().toArray(String[]::new));
        }
        CommandLine line = new CommandLine(spec);
        for (Declaration sub : declaration.subcommands()) {
            line.addSubcommand(sub.name(), build(sub, declared));
        }
        line.setAbbreviatedSubcommandsAllowed(true);
        line.setExpandAtFiles(false);
        line.setOut(new PrintWriter(Writer.nullWriter()));
        line.setErr(new PrintWriter(Writer.nullWriter()));
        return line;
    }

    private static OptionSpec option(Arg arg) {
        OptionSpec.Builder option = OptionSpec.builder(arg.option()).type(arg.type()).arity(arg.arity())
                .required(arg.required()).description(arg.help());
        if (arg.label() != null) {
            option.paramLabel(arg.label());
        }
        if (arg.type() == List.class) {
            option.auxiliaryTypes(String.class);
        }
        if (arg.check() != null && converter(arg.check()) != null) {
            option.converters(converter(arg.check()));
        }
        return option.build();
    }

    private static PositionalParamSpec positional(Arg arg) {
        PositionalParamSpec.Builder positional = PositionalParamSpec.builder().paramLabel(arg.label())
                .arity(arg.arity()).required(arg.required()).description(arg.help()).type(arg.type());
        if (arg.many()) {
            positional.auxiliaryTypes(String.class);
        }
        if (arg.check() != null && converter(arg.check()) != null) {
            positional.converters(converter(arg.check()));
        }
        return positional.build();
    }

    private static ITypeConverter<?> converter(Check check) {
        return switch (check.kind()) {
            case STATUS -> Converters.status(check.jobKind());
            case WEIGHT -> Converters.oneOf("weight type", Converters.WEIGHTS);
            case OUTPUT -> Converters.oneOf("output", Converters.OUTPUTS);
            case REGION -> Converters.region();
            case RANGE -> Converters.range(check.what(), check.min(), check.max());
            case DURATION -> Converters.duration(check.what());
            case LENGTH -> Converters.length(check.what(), check.max());
            case KIND -> Converters.kind();
            case CHOICE -> Converters.choice(check.what());
            case DISTINCT -> null;
        };
    }

    /** The usage forms as picocli prints them: the second and later ones aligned under the first. */
    private static String[] synopsis(List<String> forms) {
        String[] lines = forms.toArray(String[]::new);
        for (int i = 1; i < lines.length; i++) {
            lines[i] = " ".repeat("Usage: ".length()) + lines[i];
        }
        return lines;
    }
}
