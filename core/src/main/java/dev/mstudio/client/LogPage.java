package dev.mstudio.client;

import java.util.List;

/** A slice of a fine-tune job's training log: {@code total} lines exist, {@code lines} start at the requested offset. */
public record LogPage(int total, List<String> lines, String requestId) {
    public LogPage {
        lines = List.copyOf(lines);
    }
}
