package dev.mstudio.repl;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Status;

/**
 * The bottom line of the terminal: how many jobs are watched, where commands go, and while a
 * command is slow (after {@link #SPINNER_DELAY_MS}) a spinner with its live progress (e.g.
 * {@code /wait}'s status). Absent on terminals that cannot keep a status line.
 */
final class StatusBar implements AutoCloseable {
    static final long SPINNER_DELAY_MS = 200;
    private static final long FRAME_MS = 100;
    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final Status status;
    private final Screen screen;
    private final IntSupplier watchCount;
    private final String where;
    private final boolean colour;
    private final ScheduledExecutorService ticker;
    private volatile boolean spinning;
    private volatile String progress;
    private volatile int frame;
    private ScheduledFuture<?> spinner;

    StatusBar(Terminal terminal, Screen screen, IntSupplier watchCount, String where, boolean colour) {
        this.status = supported(terminal) ? Status.getStatus(terminal) : null;
        this.screen = screen;
        this.watchCount = watchCount;
        this.where = where;
        this.colour = colour;
        this.ticker = status == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mstudio-spinner");
            thread.setDaemon(true);
            return thread;
        });
    }

    boolean present() {
        return status != null;
    }

    /** A command started (spinner after a short delay) or ended (spinner and progress cleared). */
    synchronized void busy(boolean on) {
        if (status == null) {
            return;
        }
        if (spinner != null) {
            spinner.cancel(false);
            spinner = null;
        }
        spinning = false;
        progress = null;
        if (on) {
            spinner = ticker.scheduleAtFixedRate(this::tick, SPINNER_DELAY_MS, FRAME_MS, TimeUnit.MILLISECONDS);
        }
        screen.repaintStatus();
    }

    void progress(String text) {
        progress = text == null ? null : Text.oneLine(text);
    }

    void refresh() {
        if (status != null) {
            screen.repaintStatus();
        }
    }

    /** Paints the current line; called by the screen, which makes it safe to write. */
    void paint() {
        if (status != null) {
            status.update(List.of(line()));
        }
    }

    /** The text of the status line as it reads now. */
    String text() {
        StringBuilder text = new StringBuilder(" ");
        if (spinning) {
            text.append(FRAMES[frame % FRAMES.length]).append(' ');
            String now = progress;
            text.append(now == null ? "working… (Ctrl-C stops)" : now + "  (Ctrl-C stops)").append("  ·  ");
        }
        int watched = watchCount.getAsInt();
        text.append(watched == 0 ? "no watches" : "watching " + watched + (watched == 1 ? " job" : " jobs"));
        return text.append("  ·  ").append(where).toString();
    }

    @Override
    public synchronized void close() {
        if (status != null) {
            ticker.shutdownNow();
            status.update(List.of());
        }
    }

    private void tick() {
        spinning = true;
        frame++;
        screen.repaintStatus();
    }

    private AttributedString line() {
        AttributedStyle style = colour ? AttributedStyle.DEFAULT.inverse() : AttributedStyle.DEFAULT;
        return new AttributedString(text(), style);
    }

    /** What JLine's Status needs (checked first: an unusable Status fails when the terminal closes). */
    private static boolean supported(Terminal terminal) {
        int rows = terminal.getHeight();
        int columns = terminal.getWidth();
        return !Terminals.dumb(terminal) && rows > 1 && rows < 1000 && columns > 0 && columns < 1000
                && terminal.getStringCapability(Capability.change_scroll_region) != null
                && terminal.getStringCapability(Capability.save_cursor) != null
                && terminal.getStringCapability(Capability.restore_cursor) != null
                && terminal.getStringCapability(Capability.cursor_address) != null;
    }
}
