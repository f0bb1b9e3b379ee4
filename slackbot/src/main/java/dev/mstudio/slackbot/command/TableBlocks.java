package dev.mstudio.slackbot.command;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Column;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as Block Kit: one line per row (IDs as code, statuses with their emoji, times in the
 * reader's zone), {@link #ROWS_PER_MESSAGE} rows per message, a "More" button for the rest, and a
 * "Next page" button when the service has another page of the listing.
 */
final class TableBlocks {
    static final int ROWS_PER_MESSAGE = 20;
    static final int ROWS_PER_SECTION = 10;
    private static final int MAX_CELL = 150;

    private TableBlocks() {
    }

    /**
     * The rows from {@code offset}, with a More button carrying {@code token} when rows remain, else
     * {@code next} (the listing's next page from the service), if any.
     */
    static List<LayoutBlock> slice(Result.Table table, String token, int offset, BlockElement next) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Kit.header(table.title()));
        int size = table.rows().size();
        int from = Math.max(0, Math.min(offset, size));
        int to = Math.min(size, from + ROWS_PER_MESSAGE);
        if (size == 0) {
            blocks.add(Kit.section("_Nothing to show._"));
        } else {
            blocks.add(Kit.context(List.of(columnNames(table.columns()))));
            blocks.addAll(rowSections(table, from, to));
        }
        List<String> notes = new ArrayList<>();
        if (size > ROWS_PER_MESSAGE) {
            notes.add("rows " + (from + 1) + "–" + to + " of " + size);
        }
        if (table.footer() != null && !table.footer().isBlank()) {
            notes.add(Kit.escape(table.footer()));
        }
        if (!notes.isEmpty()) {
            blocks.add(Kit.context(List.of(String.join(" · ", notes))));
        }
        List<BlockElement> buttons = new ArrayList<>();
        if (to < size && token != null) {
            buttons.add(Kit.button("More", ActionIds.MORE, token + ":" + to, "primary"));
        } else if (next != null) {
            buttons.add(next);
        }
        if (!buttons.isEmpty()) {
            blocks.add(Kit.actions(buttons));
        }
        return blocks;
    }

    /** "ID · STATUS · MODEL" */
    private static String columnNames(List<Column> columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(column -> names.add(Kit.escape(column.name())));
        return "*" + String.join(" · ", names) + "*";
    }

    private static List<LayoutBlock> rowSections(Result.Table table, int from, int to) {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : table.rows().subList(from, to)) {
            lines.add(line(table.columns(), row));
        }
        List<LayoutBlock> sections = new ArrayList<>();
        for (int start = 0; start < lines.size(); start += ROWS_PER_SECTION) {
            List<String> group = lines.subList(start, Math.min(lines.size(), start + ROWS_PER_SECTION));
            Kit.chunks(group, Kit.MAX_TEXT, "", "").forEach(chunk -> sections.add(Kit.section(chunk)));
        }
        return sections;
    }

    static String line(List<Column> columns, List<Object> row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = i < row.size() ? row.get(i) : null;
            String cell = cell(columns.get(i), value);
            cells.add(i == 0 && columns.get(i).type() == Result.ValueType.TEXT ? "*" + cell + "*" : cell);
        }
        return String.join("  ·  ", cells);
    }

    static String cell(Column column, Object value) {
        if (value == null || value.toString().isBlank()) {
            return "–";
        }
        return switch (column.type()) {
            case ID -> "`" + Kit.clip(value.toString().replace("`", "'"), MAX_CELL) + "`";
            case STATUS -> StatusEmoji.labeled(value.toString());
            case DEPLOYMENT_STATUS -> StatusEmoji.labeledDeployment(value.toString());
            case TIME -> value instanceof Instant time ? Kit.date(time) : Kit.escape(value.toString());
            case NUMBER -> Kit.escape(value.toString());
            case TEXT -> Kit.escape(Kit.clip(value.toString(), MAX_CELL));
        };
    }
}
