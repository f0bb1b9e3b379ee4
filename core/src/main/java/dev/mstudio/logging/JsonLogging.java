package dev.mstudio.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Applies {@value LogFormat#ENV} to this process. In JSON mode the {@code java.util.logging}
 * output becomes {@link JsonLogLines} entries once something first logs through it; a front end
 * with its own logging library routes that too (the bot: SLF4J). Unset, nothing changes. Call it
 * first thing in {@code main}, before anything logs.
 */
public final class JsonLogging {

    private JsonLogging() {
    }

    /**
     * Turns JSON mode on when {@code env} asks for it, blanking the values of the variables named
     * in {@code secretVariables} (and anything shaped like a secret) in every entry.
     *
     * @return whether JSON mode is on
     * @throws IllegalArgumentException naming {@value LogFormat#ENV} when its value is not understood
     */
    public static boolean configure(Map<String, String> env, Collection<String> secretVariables) {
        if (LogFormat.fromEnvironment(env) != LogFormat.JSON) {
            return false;
        }
        List<String> secrets = new ArrayList<>();
        for (String name : secretVariables) {
            secrets.add(env.get(name));
        }
        JsonLogLines.install(new JsonLogLines(secrets));
        System.setProperty(JsonLogConfig.PROPERTY, JsonLogConfig.class.getName());
        return true;
    }

    /** Blanks these values too from now on (a key read from a file, a password inside a URL). */
    public static void addSecrets(Collection<String> values) {
        JsonLogLines.install(JsonLogLines.installed().with(values));
    }
}
