package dev.mstudio.slackbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ~/.mstudio/bot-sandbox.env}: how to reach the sandbox bot (URL, generated signing secret,
 * demo user and channel, FakeSlack's response_url base), written readable by the owner alone (0600)
 * and read by {@code ./mstudio bot send}. Shell syntax, so {@code . ~/.mstudio/bot-sandbox.env} works too.
 */
final class SandboxEnvFile {
    static final String OVERRIDE = "MSTUDIO_BOT_ENV";
    static final String URL = "MSTUDIO_BOT_URL";
    static final String USER = "MSTUDIO_SANDBOX_USER";
    static final String CHANNEL = "MSTUDIO_SANDBOX_CHANNEL";
    static final String RESPONSE_BASE = "MSTUDIO_RESPONSE_URL_BASE";

    private SandboxEnvFile() {
    }

    /** {@value #OVERRIDE} when set, else {@code HOME/.mstudio/bot-sandbox.env}. */
    static Path path(Map<String, String> env, Path home) {
        String override = env.get(OVERRIDE);
        return override != null && !override.isBlank() ? Path.of(override) : home.resolve(".mstudio/bot-sandbox.env");
    }

    /** Writes {@code values} atomically; the file is created with permissions 0600 where POSIX allows. */
    static void write(Path file, Map<String, String> values) {
        StringBuilder text = new StringBuilder("# written by ./mstudio bot --sandbox; holds a generated signing secret\n");
        values.forEach((name, value) -> text.append(name).append("='").append(value.replace("'", "")).append("'\n"));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = posix() ? Files.createTempFile(dir, ".bot-sandbox", ".env",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".bot-sandbox", ".env");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The NAME='value' lines of {@code file}. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || equals < 1) {
                continue;
            }
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, equals).strip(), value);
        }
        return values;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
