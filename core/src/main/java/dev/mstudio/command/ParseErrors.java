package dev.mstudio.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Rewords picocli's parse errors as one precise sentence each, with the command's usage as the hint. */
final class ParseErrors {
    private static final int CLIP = 40;
    private static final Pattern NOT_UNIQUE = Pattern.compile("'(.*)' is not unique: it matches (.*)");

    private ParseErrors() {
    }

    /** The most telling of several errors: an unknown word first, then a bad value, then a missing one. */
    static Rejected rejected(List<Exception> errors, CommandLine top) {
        Exception worst = errors.stream().min(Comparator.comparingInt(ParseErrors::rank)).orElseThrow();
        CommandLine where = worst instanceof ParameterException p && p.getCommandLine() != null
                ? p.getCommandLine() : top;
        return new Rejected(message(worst, where), Usage.line(where));
    }

    static Rejected missingSubcommand(CommandLine command) {
        String name = command.getCommandName();
        String subcommands = String.join(", ", command.getSubcommands().keySet());
        boolean takesId = !command.getCommandSpec().positionalParameters().isEmpty();
        return new Rejected((takesId ? "Missing job ID or subcommand (" : "Missing subcommand (") + subcommands
                + ") for " + name + ".", Usage.line(command));
    }

    /** An empty word ('' or "") where a command takes a job ID or a subcommand (picocli cannot match it). */
    static Rejected emptyWord(CommandLine command) {
        boolean takesId = !command.getCommandSpec().positionalParameters().isEmpty();
        return new Rejected("Empty " + (takesId ? "job ID" : "subcommand") + " for " + command.getCommandName()
                + ": '' names nothing.", Usage.line(command));
    }

    /** A word as it may appear in a one-line message: at most 40 characters, control characters as "?". */
    static String clip(String text) {
        String shown = text.length() <= CLIP ? text : text.substring(0, CLIP) + "…";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** Bad values first, then an option left without its value, unknown words, repeats, and missing ones last. */
    private static int rank(Exception error) {
        if (error.getCause() instanceof TypeConversionException) {
            return 0;
        }
        if (error instanceof MissingParameterException missing) {
            return valueOfGivenOption(missing) ? 1 : 4;
        }
        if (error instanceof UnmatchedArgumentException) {
            return 2;
        }
        return 3;
    }

    private static boolean valueOfGivenOption(MissingParameterException error) {
        String message = String.valueOf(error.getMessage());
        return message.startsWith("Expected parameter") || message.startsWith("Missing required parameter for option");
    }

    private static String message(Exception error, CommandLine where) {
        String name = where.getCommandSpec().qualifiedName();
        if (error instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched, where, name);
        }
        if (error instanceof MissingParameterException missing) {
            return missing(missing, name);
        }
        if (error instanceof OverwrittenOptionException overwritten) {
            return optionName(overwritten.getOverwritten()) + " was given twice for " + name + "; give it once.";
        }
        if (error.getCause() instanceof TypeConversionException conversion) {
            return conversion.getMessage();
        }
        Matcher notUnique = NOT_UNIQUE.matcher(String.valueOf(error.getMessage()));
        if (notUnique.find()) {
            return "Ambiguous subcommand " + clip(notUnique.group(1)) + " of " + name + ": it could be "
                    + notUnique.group(2).replace("'", "") + ".";
        }
        String text = String.valueOf(error.getMessage()).replaceFirst("^Error: ", "");
        // picocli reports its own failures as the exception's toString(): no class names for people
        return text.matches("(?s).*\\b\\w+(Exception|Error)\\b.*") ? "Cannot parse this line for " + name + "."
                : clip(text);
    }

    private static String unmatched(UnmatchedArgumentException error, CommandLine where, String name) {
        List<String> words = error.getUnmatched();
        String word = words.isEmpty() ? "" : words.get(0);
        if (word.startsWith("-") && word.length() > 1) {
            List<String> options = new ArrayList<>();
            where.getCommandSpec().options().forEach(option -> options.add(option.longestName()));
            String nearest = Suggest.nearest(word, options).map(option -> " Did you mean " + option + "?").orElse("");
            return "Unknown option " + clip(word) + " for " + name + "." + nearest;
        }
        if (!where.getSubcommands().isEmpty() && where.getCommandSpec().positionalParameters().isEmpty()) {
            String nearest = Suggest.nearest(word, where.getSubcommands().keySet())
                    .map(sub -> " Did you mean " + sub + "?").orElse("");
            return "Unknown subcommand " + clip(word) + " for " + name + "; it takes "
                    + String.join(", ", where.getSubcommands().keySet()) + "." + nearest;
        }
        return "Unexpected argument '" + clip(word) + "' for " + name + ".";
    }

    private static String missing(MissingParameterException error, String name) {
        List<ArgSpec> missing = error.getMissing() == null ? List.of() : error.getMissing();
        String what = missing.stream().map(ParseErrors::describe).collect(Collectors.joining(", "));
        if (valueOfGivenOption(error) && !missing.isEmpty()) {
            return "Missing value for " + optionName(missing.get(0)) + " (" + missing.get(0).paramLabel()
                    + ") in " + name + ".";
        }
        return "Missing " + (what.isEmpty() ? "argument" : what) + " for " + name + ".";
    }

    private static String describe(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() + " " + option.paramLabel() : arg.paramLabel();
    }

    private static String optionName(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg == null ? "a value" : arg.paramLabel();
    }
}
