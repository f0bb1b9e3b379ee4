package dev.mstudio.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Every command of the language, each declared once (in {@link Declarations}) as a picocli command
 * line, by name without the leading "/". picocli command lines keep parse state, so parsing and
 * usage rendering take {@link #LOCK}; the declarations themselves never change after construction.
 */
final class Grammar {
    private final Map<String, CommandLine> commands;
    private final Map<ArgSpec, Slot> slots;
    /** Guards picocli's command lines, which keep parse state: parsing and usage rendering take it. */
    static final Object LOCK = new Object();

    private Grammar(Map<String, CommandLine> commands, Map<ArgSpec, Slot> slots) {
        this.commands = commands;
        this.slots = slots;
    }

    static Grammar standard() {
        Map<ArgSpec, Slot> slots = new IdentityHashMap<>();
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        for (SpecBuilder builder : Declarations.all(slots)) {
            CommandLine line = builder.build();
            commands.put(line.getCommandName().substring(1), line);
        }
        return new Grammar(Collections.unmodifiableMap(commands), Collections.unmodifiableMap(slots));
    }

    /** Command names without "/", in the order /help lists them. */
    List<String> names() {
        return List.copyOf(commands.keySet());
    }

    CommandLine command(String name) {
        return commands.get(name);
    }

    Optional<Slot> slot(ArgSpec arg) {
        return Optional.ofNullable(slots.get(arg));
    }

    Object lock() {
        return LOCK;
    }

    /** The first line of a command's description. */
    String summary(CommandLine command) {
        String[] description = command.getCommandSpec().usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    /** Resolves a typed command word, JShell style: an exact name wins, else a unique prefix. */
    Resolution resolve(String word) {
        return Resolution.of(word, commands.keySet());
    }

    /** The outcome of resolving a typed word against names: the one match, or every candidate. */
    record Resolution(String word, List<String> matches) {
        static Resolution of(String word, Collection<String> names) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (names.contains(lower)) {
                return new Resolution(word, List.of(lower));
            }
            List<String> matches = new ArrayList<>();
            for (String name : names) {
                if (!lower.isEmpty() && name.startsWith(lower)) {
                    matches.add(name);
                }
            }
            return new Resolution(word, List.copyOf(matches));
        }

        boolean unique() {
            return matches.size() == 1;
        }

        String name() {
            return matches.get(0);
        }
    }
}
