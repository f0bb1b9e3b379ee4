package dev.mstudio.repl;

import dev.mstudio.command.Result;
import dev.mstudio.training.TrainingPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A training curve as a terminal chart in Unicode braille (each character is a 2 x 4 grid of dots):
 * train loss as a line, validation loss as {@code ×} marks, loss on the left axis, steps below,
 * fitted to the terminal's width; coloured unless the palette is plain. Then the summary lines.
 */
final class ChartRenderer {
    static final int HEIGHT = 10;
    private static final int MIN_WIDTH = 20;
    private static final int AXIS = 9;
    /** The width drawn for when the output is not a terminal (a pipe, a script). */
    private static final int UNKNOWN_WIDTH = 80;

    private final Look look;

    ChartRenderer(Look look) {
        this.look = look;
    }

    List<String> render(Result.Chart chart) {
        List<String> lines = new ArrayList<>();
        lines.add(look.palette().bold(Text.oneLine(chart.title())));
        List<TrainingPoint> train = finite(chart.curve().points(), TrainingPoint::trainLoss);
        List<TrainingPoint> eval = finite(chart.curve().points(), TrainingPoint::evalLoss);
        if (!train.isEmpty() || !eval.isEmpty()) {
            int width = look.width().getAsInt() > 0 ? look.width().getAsInt() : UNKNOWN_WIDTH;
            lines.addAll(plot(train, eval, Math.max(MIN_WIDTH, width - AXIS - 1)));
        }
        String key = look.palette().yellow("⣀ train loss") + "   " + look.palette().dim("× validation loss");
        lines.add(" ".repeat(AXIS) + key);
        chart.summary().forEach(line -> lines.add("  " + Text.oneLine(line)));
        return lines;
    }

    private List<String> plot(List<TrainingPoint> train, List<TrainingPoint> eval, int columns) {
        List<TrainingPoint> all = new ArrayList<>(train);
        all.addAll(eval);
        Scale scale = Scale.of(all, train, eval);
        boolean[][] dots = new boolean[HEIGHT * 4][columns * 2];
        TrainingPoint previous = null;
        for (TrainingPoint point : train) {
            if (previous != null) {
                line(dots, scale.x(previous.step(), columns * 2), scale.y(previous.trainLoss(), HEIGHT * 4),
                        scale.x(point.step(), columns * 2), scale.y(point.trainLoss(), HEIGHT * 4));
            }
            dots[scale.y(point.trainLoss(), HEIGHT * 4)][scale.x(point.step(), columns * 2)] = true;
            previous = point;
        }
        char[][] marks = new char[HEIGHT][columns];
        for (TrainingPoint point : eval) {
            marks[scale.y(point.evalLoss(), HEIGHT * 4) / 4][scale.x(point.step(), columns * 2) / 2] = '×';
        }
        return rows(dots, marks, scale, columns);
    }

    private List<String> rows(boolean[][] dots, char[][] marks, Scale scale, int columns) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < HEIGHT; row++) {
            String label = row == 0 ? number(scale.maxY()) : row == HEIGHT - 1 ? number(scale.minY()) : "";
            StringBuilder line = new StringBuilder(Text.pad(label, label, AXIS - 2, true)).append(" ┤");
            for (int column = 0; column < columns; column++) {
                if (marks[row][column] != 0) {
                    line.append(look.palette().dim("×"));
                } else {
                    char cell = braille(dots, row, column);
                    line.append(cell == '\u2800' ? " " : look.palette().yellow(String.valueOf(cell)));
                }
            }
            rows.add(line.toString());
        }
        String first = "step " + scale.minX();
        String last = String.valueOf(scale.maxX());
        rows.add(" ".repeat(AXIS) + first + " ".repeat(Math.max(1, columns - first.length() - last.length())) + last);
        return rows;
    }

    /** The braille character of one 2 x 4 cell; dot bits as Unicode numbers them. */
    private static char braille(boolean[][] dots, int row, int column) {
        int[][] bits = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
        int code = 0;
        for (int dy = 0; dy < 4; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                if (dots[row * 4 + dy][column * 2 + dx]) {
                    code |= bits[dy][dx];
                }
            }
        }
        return (char) (0x2800 + code);
    }

    /** Dots from (x0, y0) to (x1, y1), so that the curve is connected. */
    private static void line(boolean[][] dots, int x0, int y0, int x1, int y1) {
        int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        for (int i = 0; i <= steps; i++) {
            int x = steps == 0 ? x0 : x0 + (x1 - x0) * i / steps;
            int y = steps == 0 ? y0 : y0 + (y1 - y0) * i / steps;
            dots[y][x] = true;
        }
    }

    private static List<TrainingPoint> finite(List<TrainingPoint> points, Function<TrainingPoint, Double> value) {
        return points.stream().filter(p -> value.apply(p) != null && Double.isFinite(value.apply(p))).toList();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3f", value);
    }

    /** Where steps and losses fall on the grid: step left to right, loss top (high) to bottom (low). */
    private record Scale(int minX, int maxX, double minY, double maxY) {
        static Scale of(List<TrainingPoint> all, List<TrainingPoint> train, List<TrainingPoint> eval) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (TrainingPoint p : train) {
                min = Math.min(min, p.trainLoss());
                max = Math.max(max, p.trainLoss());
            }
            for (TrainingPoint p : eval) {
                min = Math.min(min, p.evalLoss());
                max = Math.max(max, p.evalLoss());
            }
            int first = all.stream().mapToInt(TrainingPoint::step).min().orElse(0);
            int last = all.stream().mapToInt(TrainingPoint::step).max().orElse(1);
            return new Scale(first, Math.max(first + 1, last), min, max > min ? max : min + 1);
        }

        int x(int step, int width) {
            return (int) Math.round((double) (step - minX) / (maxX - minX) * (width - 1));
        }

        int y(double loss, int height) {
            return (int) Math.round((maxY - loss) / (maxY - minY) * (height - 1));
        }
    }
}
