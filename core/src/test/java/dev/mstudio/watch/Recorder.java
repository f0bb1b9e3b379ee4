package dev.mstudio.watch;

import dev.mstudio.watch.WatchEvent.JobGone;
import dev.mstudio.watch.WatchEvent.JobSeen;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every event it gets. */
final class Recorder implements WatchListener {
    private final List<WatchEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(WatchEvent event) {
        events.add(event);
    }

    synchronized List<WatchEvent> events() {
        return List.copyOf(events);
    }

    synchronized void clear() {
        events.clear();
    }

    /** Short forms: "seen id STATUS", "changed id OLD->NEW", "gone id". */
    synchronized List<String> lines() {
        return events.stream().map(Recorder::line).toList();
    }

    synchronized List<StatusChanged> changes() {
        return events.stream().filter(StatusChanged.class::isInstance).map(StatusChanged.class::cast).toList();
    }

    static String line(WatchEvent event) {
        if (event instanceof JobSeen seen) {
            return "seen " + seen.jobId() + " " + seen.job().status();
        }
        if (event instanceof StatusChanged changed) {
            return "changed " + changed.jobId() + " " + changed.oldStatus() + "->" + changed.newStatus();
        }
        return "gone " + ((JobGone) event).jobId();
    }

    static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
