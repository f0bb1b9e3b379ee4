package dev.mstudio.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Drives a {@link Repl} through a JLine terminal on streams, the way a person at an xterm would:
 * keys go in through a pipe, everything the console writes is collected. Waiting is bounded
 * polling with a generous limit (never a timed assertion).
 */
final class TerminalDriver implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Backend backend;
    private final Repl repl;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    TerminalDriver(Map<String, String> env, Path home) {
        try {
            PipedInputStream in = new PipedInputStream(keys, 1 << 16);
            // an ExternalTerminal does its own line discipline, so Ctrl-C typed here raises INT in this process
            terminal = new ExternalTerminal("mstudio-test", "xterm-256color", in, screen, StandardCharsets.UTF_8);
            terminal.setSize(new Size(160, 40));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backend = Backend.choose(false, env, home);
        repl = new Repl(terminal, backend, new Settings(env, home, Clock.systemUTC(), ZoneId.of("UTC")));
        Thread thread = new Thread(() -> {
            try {
                exit.complete(repl.run());
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "repl-under-test");
        thread.setDaemon(true);
        thread.start();
        awaitOutput(Repl.PROMPT, 0);
    }

    /** Types text (\t is Tab, \r Enter, \u0003 Ctrl-C). */
    void type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ctrl-C at the prompt, then waits for the fresh prompt before anything else is typed. */
    void cancelLine() {
        int mark = mark();
        type("\u0003");
        awaitOutput(Repl.PROMPT, mark);
    }

    /** Where the output has got to, to wait for what comes after it. */
    int mark() {
        return output().length();
    }

    String output() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** The output after {@code from} once it contains {@code text}; fails after {@link #PATIENCE}. */
    String awaitOutput(String text, int from) {
        try {
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> tail(from).contains(text));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no '" + text + "' in the output after " + PATIENCE + ":\n" + tail(from));
        }
        return tail(from);
    }

    private String tail(int from) {
        String out = output();
        return out.length() > from ? out.substring(from) : "";
    }

    /** Waits until the job index has seen every job of every kind (it is filled in the background at start). */
    void awaitIndexWarm() {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(backend::indexWarm);
    }

    /** The console's exit status once it has ended. */
    int exitStatus() {
        try {
            return exit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the console did not end: " + e + "\n" + output());
        }
    }

    @Override
    public void close() throws IOException {
        if (!exit.isDone()) {
            type("/exit\r");
            exitStatus();
        }
        repl.close();
        backend.close();
        terminal.close();
        keys.close();
    }

}
