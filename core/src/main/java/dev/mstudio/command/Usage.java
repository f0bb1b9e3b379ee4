package dev.mstudio.command;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Usage text of declared commands, from picocli's own help. */
final class Usage {
    private Usage() {
    }

    /** The synopsis on one line, forms separated by " | ": "Usage: /set output table|json | /set region R". */
    static String line(CommandLine command) {
        return "Usage: " + synopsis(command);
    }

    static String synopsis(CommandLine command) {
        synchronized (Grammar.LOCK) {
            return synopsisOf(command);
        }
    }

    private static String synopsisOf(CommandLine command) {
        String[] custom = command.getCommandSpec().usageMessage().customSynopsis();
        if (custom.length > 0) {
            return Arrays.stream(custom).map(String::strip).collect(Collectors.joining(" | "));
        }
        String text = command.getHelp().synopsis(0);
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The full usage help, without colors: synopsis, description, options and subcommands. */
    static String full(CommandLine command) {
        synchronized (Grammar.LOCK) {
            return command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
        }
    }
}
