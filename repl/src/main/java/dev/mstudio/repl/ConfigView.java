package dev.mstudio.repl;

import dev.mstudio.client.ConfigReport;
import dev.mstudio.client.ConfigReport.Setting;
import dev.mstudio.client.ConfigurationException;
import dev.mstudio.logging.LogFormat;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mstudio config}: every setting, its value (secrets masked, URLs without userinfo or query)
 * and where it came from, then what {@code mstudio} would connect to. Exit status 0 when that is
 * usable, 2 for a configuration error (the same one a run would stop on).
 */
final class ConfigView {
    private ConfigView() {
    }

    static int print(Settings settings, PrintStream out) {
        List<Setting> rows = new ArrayList<>(ConfigReport.settings(settings.env(), settings.home()));
        rows.add(new Setting("history", settings.historyFile().toString(), "~/.mstudio/history under the home"));
        rows.add(logFormat(settings));
        int status = 0;
        try (Backend backend = Backend.choose(false, settings.env(), settings.home())) {
            backend.requireConfiguration();
            rows.add(backend.sandboxMode()
                    ? new Setting("uses", "the embedded demo sandbox", "nothing is configured")
                    : new Setting("uses", "DashScope", "an API key is configured"));
        } catch (ConfigurationException e) {
            rows.add(new Setting("uses", "(nothing: configuration error)", e.getMessage()));
            status = 2;
        }
        print(rows, out);
        return status;
    }

    /** text or json, and whether {@code MSTUDIO_LOG_FORMAT} chose it (a bad value stopped the run before this). */
    private static Setting logFormat(Settings settings) {
        String format = LogFormat.fromEnvironment(settings.env()).name().toLowerCase(java.util.Locale.ROOT);
        String value = settings.env().get(LogFormat.ENV);
        return new Setting("log format", format, value == null || value.isBlank() ? LogFormat.ENV + " not set"
                : LogFormat.ENV);
    }

    private static void print(List<Setting> rows, PrintStream out) {
        int nameWidth = 0;
        int valueWidth = 0;
        for (Setting row : rows) {
            nameWidth = Math.max(nameWidth, Text.width(row.name()));
            valueWidth = Math.max(valueWidth, Text.width(Text.oneLine(row.value())));
        }
        for (Setting row : rows) {
            String value = Text.oneLine(row.value());
            out.println(Text.pad(row.name(), row.name(), nameWidth, false) + "  "
                    + Text.pad(value, value, valueWidth, false) + "  (" + Text.oneLine(row.source()) + ")");
        }
    }
}
