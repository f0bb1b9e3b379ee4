package dev.mstudio.command;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The typed key of one declared argument: an option ("--status") or a positional ("ID"). Handlers
 * read values with {@link Command#get(Param)}, so a renamed or removed argument fails to compile,
 * and one read by a command that does not declare it fails at once (and in the tests), never
 * giving a silent null.
 *
 * @param <T> the value's type: String, Integer, Boolean (a flag), Duration or List of String
 */
public final class Param<T> {
    private final String key;
    private final Class<?> type;

    private Param(String key, Class<?> type) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = type;
    }

    /** A free-text (or checked) value. */
    public static Param<String> text(String key) {
        return new Param<>(key, String.class);
    }

    /** A whole number. */
    public static Param<Integer> number(String key) {
        return new Param<>(key, Integer.class);
    }

    /** A flag: given or not. */
    public static Param<Boolean> flag(String key) {
        return new Param<>(key, Boolean.class);
    }

    /** A duration such as 30s, 5m, PT5M. */
    public static Param<Duration> duration(String key) {
        return new Param<>(key, Duration.class);
    }

    /** A job kind word: imports, finetunes or deployments. */
    public static Param<dev.mstudio.client.JobKind> kind(String key) {
        return new Param<>(key, dev.mstudio.client.JobKind.class);
    }

    /** A positional that takes several words. */
    public static Param<List<String>> list(String key) {
        return new Param<>(key, List.class);
    }

    /** The option's name ("--status") or the positional's label ("ID"). */
    public String key() {
        return key;
    }

    Class<?> type() {
        return type;
    }

    @Override
    public String toString() {
        return key;
    }
}
