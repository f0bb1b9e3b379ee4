package dev.mstudio.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the command path ("imports", "import delete"), the values given (keyed by
 * option name, e.g. "--status", or positional label, e.g. "ID"), and the command's declaration, for
 * its usage.
 *
 * @param slash whether the user typed the leading "/" (the Slack bot does not); lines this
 *              invocation suggests, e.g. for confirmation, are written the same way
 */
record Invocation(String path, Map<String, Object> values, boolean slash, Declaration declaration) {

    Invocation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A text value, or null when not given. */
    String text(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    int number(String key, int fallback) {
        Object value = values.get(key);
        return value instanceof Integer number ? number : fallback;
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    Duration duration(String key) {
        return values.get(key) instanceof Duration duration ? duration : null;
    }

    /** The values of a repeatable positional, empty when none were given. */
    List<String> list(String key) {
        Object value = values.get(key);
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** "Usage: /imports [--status S] ..." on one line. */
    String usage() {
        return declaration.usage();
    }

    /** This command written out in full, plus {@code extra} words, e.g. "/import delete 937b --yes". */
    String canonical(String... extra) {
        List<String> words = new ArrayList<>();
        words.add((slash ? "/" : "") + path);
        values.forEach((key, value) -> {
            if (key.startsWith("-")) {
                if (!Boolean.TRUE.equals(value)) {
                    words.add(key);
                    words.add(Tokenizer.quote(String.valueOf(value)));
                } else if (!List.of(extra).contains(key)) {
                    words.add(key);
                }
            } else if (value instanceof List<?> list) {
                list.forEach(item -> words.add(Tokenizer.quote(String.valueOf(item))));
            } else {
                words.add(Tokenizer.quote(String.valueOf(value)));
            }
        });
        words.addAll(List.of(extra));
        return String.join(" ", words);
    }
}
