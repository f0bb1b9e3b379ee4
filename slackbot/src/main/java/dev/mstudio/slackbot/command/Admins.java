package dev.mstudio.slackbot.command;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Slack user IDs allowed to run destructive commands ({@code MSTUDIO_ADMINS}, comma-separated). */
public final class Admins {
    private final Set<String> ids;

    private Admins(Set<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    /** Parses "U1, U2,U3"; blanks are ignored, so null or "" means nobody. */
    public static Admins parse(String commaSeparated) {
        Set<String> ids = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        return new Admins(ids);
    }

    public static Admins of(String... ids) {
        return new Admins(new LinkedHashSet<>(List.of(ids)));
    }

    public boolean contains(String userId) {
        return userId != null && ids.contains(userId);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** "U1, U2" for a message, or "" when nobody is an admin. */
    String names() {
        return String.join(", ", ids.stream().sorted().toList());
    }

    @Override
    public String toString() {
        return ids.size() + " admin(s)";
    }
}
