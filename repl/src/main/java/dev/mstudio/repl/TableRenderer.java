package dev.mstudio.repl;

import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.Table;
import dev.mstudio.command.Result.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * A table fitted to the width: free-text columns are ellipsized first (widest first), then ID
 * columns, then the rest, so IDs stay whole whenever the terminal allows. Numbers align right.
 * Below {@link #STACK_BELOW} columns a row no longer fits on a line: each becomes a block of
 * "NAME: value" lines, IDs and statuses whole, blocks separated by a blank line.
 */
final class TableRenderer {
    static final String GAP = "  ";
    /** Narrower terminals (but not an unlimited width) get the stacked layout. */
    static final int STACK_BELOW = 80;
    private static final int MIN_COLUMN = 5;

    private final Look look;

    TableRenderer(Look look) {
        this.look = look;
    }

    List<String> render(Table table) {
        List<String> out = new ArrayList<>();
        if (table.title() != null && !table.title().isBlank()) {
            out.add(look.palette().bold(Text.oneLine(table.title())));
        }
        List<Column> columns = table.columns();
        String[][] cells = plainCells(table);
        if (table.rows().isEmpty()) {
            out.add(Feedback.PREFIX + "Nothing to show.");
        } else if (!columns.isEmpty() && look.columns() < STACK_BELOW) {
            out.addAll(stacked(columns, cells, look.columns()));
        } else if (!columns.isEmpty()) {
            int[] widths = fit(naturalWidths(columns, cells), types(columns), look.columns());
            out.add(look.palette().bold(line(header(columns), columns, widths, false)));
            for (String[] row : cells) {
                out.add(line(row, columns, widths, true));
            }
        }
        if (table.footer() != null && !table.footer().isBlank()) {
            out.add(look.palette().dim(Feedback.PREFIX + Text.oneLine(table.footer())));
        }
        return out;
    }

    /**
     * Column widths that fit {@code max} columns in all (gaps included): shrinks the widest
     * free-text column one step at a time, then ID columns, then any other, never below a minimum.
     */
    static int[] fit(int[] natural, ValueType[] types, int max) {
        int[] widths = natural.clone();
        long total = (long) GAP.length() * Math.max(0, widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        long excess = total - max;
        for (int tier = 0; tier < 3 && excess > 0; tier++) {
            excess = shrinkTier(widths, types, tier, excess);
        }
        return widths;
    }

    private static long shrinkTier(int[] widths, ValueType[] types, int tier, long excess) {
        while (excess > 0) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (tier(types[i]) == tier && widths[i] > MIN_COLUMN && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return excess;
            }
            widths[widest]--;
            excess--;
        }
        return excess;
    }

    private static int tier(ValueType type) {
        return switch (type) {
            case TEXT -> 0;
            case ID -> 1;
            default -> 2;
        };
    }

    /** One block per row: "ID:     value" lines; only free text is shortened to the width. */
    private List<String> stacked(List<Column> columns, String[][] cells, int width) {
        String[] labels = header(columns);
        int labelWidth = 0;
        for (String label : labels) {
            labelWidth = Math.max(labelWidth, Text.width(label) + 1);
        }
        List<String> out = new ArrayList<>();
        for (int r = 0; r < cells.length; r++) {
            if (r > 0) {
                out.add("");
            }
            for (int c = 0; c < labels.length; c++) {
                ValueType type = columns.get(c).type();
                String label = labels[c] + ":";
                String text = type == ValueType.TEXT
                        ? Text.ellipsize(cells[r][c], Math.max(MIN_COLUMN, width - labelWidth - 1)) : cells[r][c];
                out.add(Text.pad(look.palette().bold(label), label, labelWidth, false) + " " + look.styled(text, type));
            }
        }
        return out;
    }

    private String line(String[] plain, List<Column> columns, int[] widths, boolean style) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < plain.length; i++) {
            ValueType type = columns.get(i).type();
            String text = Text.ellipsize(plain[i], widths[i]);
            String styled = style ? look.styled(text, type) : text;
            boolean last = i == plain.length - 1;
            boolean right = type == ValueType.NUMBER;
            line.append(last && !right ? styled : Text.pad(styled, text, widths[i], right));
            if (!last) {
                line.append(GAP);
            }
        }
        return line.toString();
    }

    private String[][] plainCells(Table table) {
        int width = table.columns().size();
        String[][] cells = new String[table.rows().size()][width];
        for (int r = 0; r < cells.length; r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < width; c++) {
                Object value = c < row.size() ? row.get(c) : null;
                cells[r][c] = look.plain(value, table.columns().get(c).type(), false);
            }
        }
        return cells;
    }

    private static String[] header(List<Column> columns) {
        return columns.stream().map(column -> Text.oneLine(column.name())).toArray(String[]::new);
    }

    private static int[] naturalWidths(List<Column> columns, String[][] cells) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Text.width(Text.oneLine(columns.get(c).name()));
            for (String[] row : cells) {
                widths[c] = Math.max(widths[c], Text.width(row[c]));
            }
        }
        return widths;
    }

    private static ValueType[] types(List<Column> columns) {
        return columns.stream().map(Column::type).toArray(ValueType[]::new);
    }
}
