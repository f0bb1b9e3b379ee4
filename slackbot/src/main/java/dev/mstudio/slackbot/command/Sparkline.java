package dev.mstudio.slackbot.command;

import java.util.ArrayList;
import java.util.List;

/** Values as a one-line sparkline of block characters ("▇▆▄▃▂▁"), resampled to at most {@code width}. */
final class Sparkline {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    static String of(List<Double> values, int width) {
        List<Double> finite = new ArrayList<>();
        values.stream().filter(v -> v != null && Double.isFinite(v)).forEach(finite::add);
        if (finite.isEmpty() || width < 1) {
            return "";
        }
        double min = finite.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = finite.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int cells = Math.min(width, finite.size());
        StringBuilder line = new StringBuilder(cells);
        for (int i = 0; i < cells; i++) {
            double value = finite.get(i * finite.size() / cells);
            int bar = max > min ? (int) Math.round((value - min) / (max - min) * (BARS.length - 1)) : 0;
            line.append(BARS[bar]);
        }
        return line.toString();
    }
}
