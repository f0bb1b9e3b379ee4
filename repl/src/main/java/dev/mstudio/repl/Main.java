package dev.mstudio.repl;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.ConfigurationException;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.logging.JsonLogging;
import dev.mstudio.logging.LogFormat;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;

/**
 * {@code mstudio}: the interactive console on a terminal, or, with {@code -c} commands or a script
 * on stdin, a non-interactive run whose exit status says whether every command succeeded.
 */
public final class Main {
    static final String VERSION = "0.1";
    static final String SANDBOX_NOTICE = "no API key configured: using the demo sandbox (demo data, not your jobs)";

    private Main() {
    }

    public static void main(String[] args) {
        Preload.begin();
        Thread.setDefaultUncaughtExceptionHandler(new LastResort());
        Path home = ClientConfig.home(System.getenv());
        Charset charset = Terminals.charset();
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14),
                false, charset);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        int status = run(args, System.in, out, err, System.getenv(), home == null ? Path.of(".") : home);
        out.flush();
        System.exit(status);
    }

    /**
     * Runs mstudio as the launcher would and returns the exit status: 0 on success, the first
     * failing command's status, 2 for bad arguments or configuration. The console is interactive
     * only when {@code in} is the process's stdin and a terminal; otherwise commands come from
     * {@code -c} options or, without any, from {@code in}, one per line. When nothing at all is
     * configured the demo sandbox stands in, and a non-interactive run says so on {@code err}.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Map<String, String> env, Path home) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("mstudio: " + e.getMessage());
            err.println(LaunchOptions.USAGE);
            return 2;
        }
        if (options.help() || options.version()) {
            out.println(options.help() ? LaunchOptions.USAGE : "mstudio " + VERSION);
            return 0;
        }
        if (env.get(LogFormat.ENV) != null) { // unset, nothing about logging loads
            try {
                JsonLogging.configure(env, List.of(ClientConfig.ENV_API_KEY));
            } catch (IllegalArgumentException e) {
                err.println("mstudio: " + e.getMessage());
                return 2;
            }
        }
        Settings settings = new Settings(env, home, Clock.systemUTC(), ZoneId::systemDefault);
        if (options.config()) {
            return ConfigView.print(settings, out);
        }
        Preload.begin();
        boolean interactive = options.commands().isEmpty() && in == System.in && System.console() != null;
        try (Backend backend = Backend.choose(options.sandbox(), !interactive, env, home)) {
            backend.requireConfiguration();
            if (interactive) {
                return interactive(backend, settings);
            }
            if (backend.sandboxByDefault()) {
                err.println("mstudio: " + SANDBOX_NOTICE);
            }
            BatchMode batch = new BatchMode(backend, out, err, settings);
            return options.commands().isEmpty()
                    ? batch.run(new ScriptReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
                    : batch.run(options.commands());
        } catch (RuntimeException | Error e) {
            err.println("mstudio: " + Feedback.errorLine(TopLevelErrors.failure(e)));
            return e instanceof ConfigurationException ? 2 : 1;
        }
    }

    private static int interactive(Backend backend, Settings settings) {
        Terminal terminal;
        try {
            terminal = Terminals.system();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Repl repl = new Repl(terminal, backend, settings);
            try {
                return repl.run();
            } finally {
                quietly(repl);
            }
        } finally {
            quietly(terminal);
        }
    }

    /**
     * Builds the command language (its declarations and handlers take a while to load) on another
     * core while the main thread sets up the rest; whoever asks first for it waits for the one
     * instance. picocli, which parses the words after a command's name, loads only when needed.
     * A plain class rather than a lambda: the first lambda costs time on the main thread.
     */
    private static final class Preload extends Thread {
        private static final AtomicBoolean STARTED = new AtomicBoolean();

        private Preload() {
            super("mstudio-preload");
            setDaemon(true);
        }

        static void begin() {
            if (STARTED.compareAndSet(false, true)) {
                new Preload().start();
            }
        }

        @Override
        public void run() {
            CommandLanguage.standard();
        }
    }

    /** A failure no one caught on a background thread: one line, never a stack trace. */
    private static final class LastResort implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            System.err.println("mstudio: internal error in " + thread.getName() + ": "
                    + TopLevelErrors.describe(error));
        }
    }

    /** Closing must never change the exit status or print a trace. */
    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception | Error ignored) {
            // the session is over; nothing useful can be done about it
        }
    }
}
