package dev.mstudio.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed command line: which declared command it is ("import delete"), the values given, and
 * that command's policy. The only thing a front end decides on: whether a person may run it is
 * read from here ({@link #destructive()}, {@link #allowedIn(Surface)}), never from the text.
 * Values are read through the typed {@link Param}s the command declares.
 */
public final class Command {
    private final String path;
    private final Map<String, Object> values;
    private final boolean slash;
    private final boolean shared;
    private final Declaration declaration;
    private final Grammar grammar;

    Command(String path, Map<String, Object> values, boolean slash, boolean shared, Declaration declaration,
            Grammar grammar) {
        this.grammar = grammar;
        this.path = Objects.requireNonNull(path, "path");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.slash = slash;
        this.shared = shared;
        this.declaration = Objects.requireNonNull(declaration, "declaration");
    }

    /** The command as declared, without "/": "imports", "import delete", "subscribe". */
    public String path() {
        return path;
    }

    /** Creates, deletes, cancels: admins only in Slack, and confirmed everywhere. */
    public boolean destructive() {
        return declaration.policy().destructive();
    }

    /** Whether this command, with the options given, may run on {@code surface}. */
    public boolean allowedIn(Surface surface) {
        if (!declaration.policy().allowedIn(surface) || (shared && surface != Surface.SLACK)) {
            return false;
        }
        for (Declaration.Arg arg : declaration.args()) {
            if (values.containsKey(arg.param().key()) && !arg.surfaces().contains(surface)) {
                return false;
            }
        }
        return true;
    }

    /** The user asked to share the answer with the channel ({@code --public} or {@code --in-channel}). */
    public boolean shared() {
        return shared;
    }

    /**
     * The value given for {@code param}; null when not given (a flag: false; several words: empty).
     *
     * @throws IllegalArgumentException when this command does not declare {@code param}: a handler
     *                                  reading an argument its command lacks is a bug, caught at once
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Param<T> param) {
        Declaration.Arg arg = declaration.arg(param).orElseThrow(() -> new IllegalArgumentException(
                "/" + path + " declares no " + param.key()));
        Object value = values.get(param.key());
        if (value == null && arg.type() == boolean.class) {
            return (T) Boolean.FALSE;
        }
        if (value == null && arg.type() == List.class) {
            return (T) List.of();
        }
        if (value instanceof List<?> list) {
            return (T) List.copyOf(list);
        }
        return (T) value;
    }

    /** The value given for {@code param}, or {@code fallback}. */
    public <T> T get(Param<T> param, T fallback) {
        T value = get(param);
        return value == null ? fallback : value;
    }

    /** True when the flag {@code param} was given. */
    public boolean has(Param<Boolean> param) {
        return Boolean.TRUE.equals(get(param));
    }

    /**
     * This command written out in full so that parsing it again gives the same command, e.g.
     * "import delete 937b --yes" (with a "/" when the user typed one).
     */
    public String canonical() {
        List<String> words = new ArrayList<>();
        words.add((slash ? "/" : "") + path);
        values.forEach((key, value) -> {
            if (key.startsWith("-")) {
                words.add(key);
                if (!Boolean.TRUE.equals(value)) {
                    words.add(Tokenizer.quote(String.valueOf(value)));
                }
            } else if (value instanceof List<?> list) {
                list.forEach(item -> words.add(Tokenizer.quote(String.valueOf(item))));
            } else {
                words.add(Tokenizer.quote(String.valueOf(value)));
            }
        });
        return String.join(" ", words);
    }

    @Override
    public String toString() {
        return canonical();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Command command && command.path.equals(path) && command.values.equals(values)
                && command.shared == shared;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, values, shared);
    }

    boolean slash() {
        return slash;
    }

    Declaration declaration() {
        return declaration;
    }

    Map<String, Object> values() {
        return values;
    }

    /** "Usage: /imports [--status S] ..." on one line. */
    String usage() {
        return declaration.usage();
    }

    /** This command with {@code param} set to {@code value} (e.g. --yes, or the next --page). */
    <T> Command with(Param<T> param, T value) {
        declaration.arg(param).orElseThrow(() -> new IllegalArgumentException("/" + path + " declares no " + param));
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(param.key(), value);
        return new Command(path, changed, slash, shared, declaration, grammar);
    }

    /**
     * Another command of the same language, e.g. the "import delete ID" a job's detail offers:
     * {@code values} alternate each {@link Param} and its value.
     */
    Command sibling(String otherPath, Object... values) {
        Declaration other = grammar.declaration(List.of(otherPath.split(" ")));
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            Param<?> param = (Param<?>) values[i];
            other.arg(param).orElseThrow(() -> new IllegalArgumentException("/" + otherPath + " declares no " + param));
            if (values[i + 1] != null) {
                given.put(param.key(), values[i + 1]);
            }
        }
        return new Command(otherPath, given, slash, false, other, grammar);
    }

    Grammar grammar() {
        return grammar;
    }

    /** "/import" or "import", as the user writes commands. */
    String written(String otherPath) {
        return (slash ? "/" : "") + otherPath;
    }
}
