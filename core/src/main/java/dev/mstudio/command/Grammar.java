package dev.mstudio.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Every command of the language, each declared once (in {@link Declarations}), by name without the
 * leading "/". The declarations are plain data, enough for names, /help's overview and usage hints;
 * each command's picocli command line is built from its declaration the first time it is needed
 * (to parse, complete or explain it), once. picocli command lines keep parse state, so building,
 * parsing and usage rendering take {@link #LOCK}; the declarations never change.
 */
final class Grammar {
    /** Guards picocli's command lines, which keep parse state, and the maps below. */
    static final Object LOCK = new Object();
    private final Map<String, Declaration> declarations;
    private final List<String> names;
    private final Map<String, CommandLine> commands = new HashMap<>();
    private final Map<ArgSpec, Declaration.Arg> declared = new IdentityHashMap<>();

    private Grammar(Map<String, Declaration> declarations) {
        this.declarations = declarations;
        this.names = List.copyOf(declarations.keySet());
    }

    static Grammar standard() {
        return of(Declarations.all());
    }

    static Grammar of(List<Declaration> all) {
        Map<String, Declaration> declarations = new LinkedHashMap<>();
        for (Declaration declaration : all) {
            declarations.put(declaration.name().substring(1), declaration);
        }
        return new Grammar(Collections.unmodifiableMap(declarations));
    }

    /** Every declaration, top-level commands in order. */
    List<Declaration> declarations() {
        return List.copyOf(declarations.values());
    }

    private volatile HelpText helpText;

    /** The help of this grammar's commands, made on first need. */
    HelpText helpText() {
        HelpText made = helpText;
        if (made == null) {
            made = new HelpText(this);
            helpText = made;
        }
        return made;
    }

    /** This grammar with {@code handler} bound to the command at {@code path} ("subscribe", "watch"). */
    Grammar bind(String path, Handler handler) {
        String[] words = path.split(" ");
        Map<String, Declaration> changed = new LinkedHashMap<>(declarations);
        Declaration top = changed.get(words[0]);
        if (top == null) {
            throw new IllegalArgumentException("no command " + path);
        }
        if (words.length == 1) {
            changed.put(words[0], top.bound(handler));
        } else {
            Declaration sub = top.subcommand(words[1]).orElseThrow(() -> new IllegalArgumentException("no command " + path));
            changed.put(words[0], top.withSubcommand(sub.bound(handler)));
        }
        return new Grammar(Collections.unmodifiableMap(changed));
    }

    /** Command names without "/", in the order /help lists them. */
    List<String> names() {
        return names;
    }

    Declaration declaration(String name) {
        return declarations.get(name);
    }

    /** The declaration of a command path: "import delete" as List.of("import", "delete"). */
    Declaration declaration(List<String> path) {
        Declaration declaration = declarations.get(path.get(0));
        for (String sub : path.subList(1, path.size())) {
            declaration = declaration.subcommand(sub).orElseThrow();
        }
        return declaration;
    }

    /** The picocli command line of a command, built now if this is its first use. */
    CommandLine command(String name) {
        synchronized (LOCK) {
            CommandLine command = commands.get(name);
            if (command == null && declarations.containsKey(name)) {
                command = CommandLines.build(declarations.get(name), declared);
                commands.put(name, command);
            }
            return command;
        }
    }

    /** Whether the command's picocli command line exists yet (it is built on first need). */
    boolean built(String name) {
        synchronized (LOCK) {
            return commands.containsKey(name);
        }
    }

    /** Builds every command's picocli command line now, rather than on first use. */
    void buildAll() {
        names.forEach(this::command);
    }

    Optional<Slot> slot(ArgSpec arg) {
        return declared(arg).map(Declaration.Arg::slot);
    }

    /** The declared argument picocli's {@code arg} was built from. */
    Optional<Declaration.Arg> declared(ArgSpec arg) {
        synchronized (LOCK) {
            return Optional.ofNullable(declared.get(arg));
        }
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
        return Resolution.of(word, declarations.keySet());
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
