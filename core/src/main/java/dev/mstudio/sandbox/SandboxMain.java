package dev.mstudio.sandbox;

import dev.mstudio.logging.JsonLogging;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** {@code mstudio sandbox}: runs the DashScope emulator alone on 127.0.0.1 until killed. */
public final class SandboxMain {

    static final int DEFAULT_PORT = 8089;
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: mstudio sandbox [--port N] [--speed X] [--failure-rate R] [--api-key K] [--empty] [--help]",
            "  --port N          port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0 picks a free one)",
            "  --speed X         how much faster than real life jobs run (default 1; 60 = a minute per second)",
            "  --failure-rate R  share of new jobs that fail, 0..1 (default 0.15)",
            "  --api-key K       accept only this bearer key (default: any key)",
            "  --empty           start with no jobs (default: a demo workspace)",
            "  --help            show this help");

    private SandboxMain() {
    }

    public static void main(String[] args) {
        try {
            // the JDK's HTTP server logs through java.util.logging: JSON lines too when asked
            JsonLogging.configure(System.getenv(), List.of());
        } catch (IllegalArgumentException e) {
            System.err.println("mstudio sandbox: " + e.getMessage());
            System.exit(2);
        }
        int status = run(args, System.out, System.err, SandboxMain::serveUntilKilled);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Parses, starts, prints the banner and hands the sandbox to {@code serve}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<Sandbox> serve) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("mstudio sandbox: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        Sandbox.Builder builder = Sandbox.builder().port(options.port()).speed(options.speed())
                .failureRate(options.failureRate()).apiKey(options.apiKey());
        try (Sandbox sandbox = builder.build()) {
            if (!options.empty()) {
                sandbox.seedDemo();
            }
            sandbox.start();
            printBanner(out, sandbox, options.apiKey() != null);
            serve.accept(sandbox);
            return 0;
        } catch (UncheckedIOException e) {
            String reason = e.getCause() instanceof BindException ? "port " + options.port()
                    + " on 127.0.0.1 is already in use; choose another with --port" : String.valueOf(e.getCause().getMessage());
            err.println("mstudio sandbox: cannot start: " + reason);
            return 1;
        }
    }

    private static void printBanner(PrintStream out, Sandbox sandbox, boolean keyRequired) {
        String keyNote = keyRequired ? "the configured bearer key only" : "any bearer key";
        out.println("DashScope sandbox on " + sandbox.baseUrl() + " (" + keyNote + "; Ctrl-C stops)");
        String key = keyRequired ? "$DASHSCOPE_API_KEY" : "sk-sandbox";
        out.println("  try: curl -H \"Authorization: Bearer " + key + "\" \"" + sandbox.baseUrl()
                + "/custom_models/import?page_size=5\"");
        out.println("  controls: " + sandbox.root() + "_sandbox/stats, /_sandbox/requests, /_sandbox/faults");
    }

    private static void serveUntilKilled(Sandbox sandbox) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line, validated. */
    record Options(int port, double speed, double failureRate, String apiKey, boolean empty, boolean help) {

        static Options parse(String[] args) {
            int port = DEFAULT_PORT;
            double speed = 1.0;
            double failureRate = 0.15;
            String apiKey = null;
            boolean empty = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        return new Options(port, speed, failureRate, apiKey, empty, true);
                    }
                    case "--empty" -> empty = true;
                    case "--port" -> port = (int) number(arg, value(args, ++i, arg), 0, 65_535, true);
                    case "--speed" -> speed = number(arg, value(args, ++i, arg), 0.001, 100_000, false);
                    case "--failure-rate" -> failureRate = number(arg, value(args, ++i, arg), 0, 1, false);
                    case "--api-key" -> apiKey = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException(arg.startsWith("-")
                            ? "unknown option " + arg : "unexpected argument; options start with --");
                }
            }
            return new Options(port, speed, failureRate, apiKey, empty, false);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static double number(String option, String text, double min, double max, boolean integer) {
            double value;
            try {
                value = integer ? Integer.parseInt(text) : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be " + (integer ? "an integer" : "a number")
                        + ", got " + text);
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(option + " must be between " + plain(min) + " and "
                        + plain(max) + ", got " + text);
            }
            return value;
        }

        private static String plain(double value) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
