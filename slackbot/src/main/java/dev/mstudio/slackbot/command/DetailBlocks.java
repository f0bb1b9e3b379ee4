package dev.mstudio.slackbot.command;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One job (or any detail) as Block Kit: a header, two-column fields, and the buttons of what can
 * be done next (Refresh, Watch; for admins, on their own messages, Cancel or Delete).
 */
final class DetailBlocks {
    static final int MAX_SECTIONS = 4;
    private static final int MAX_VALUE = 300;

    private DetailBlocks() {
    }

    static List<LayoutBlock> render(Result.Detail detail, List<BlockElement> buttons) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Kit.header(detail.title()));
        List<String> fields = new ArrayList<>();
        detail.fields().forEach(field -> fields.add("*" + Kit.escape(field.name()) + "*\n" + value(field)));
        int shown = Math.min(fields.size(), MAX_SECTIONS * Kit.MAX_FIELDS);
        for (int start = 0; start < shown; start += Kit.MAX_FIELDS) {
            blocks.add(Kit.fields(fields.subList(start, Math.min(shown, start + Kit.MAX_FIELDS))));
        }
        if (shown < fields.size()) {
            blocks.add(Kit.context(List.of("…and " + (fields.size() - shown) + " more fields")));
        }
        if (!buttons.isEmpty()) {
            blocks.add(Kit.actions(buttons));
        }
        return blocks;
    }

    static String value(Field field) {
        Object value = field.value();
        if (value == null || value.toString().isBlank()) {
            return "–";
        }
        return switch (field.type()) {
            case ID -> "`" + Kit.clip(value.toString().replace("`", "'"), MAX_VALUE) + "`";
            case STATUS -> StatusEmoji.labeled(value.toString());
            case DEPLOYMENT_STATUS -> StatusEmoji.labeledDeployment(value.toString());
            case TIME -> value instanceof Instant time ? Kit.date(time) : Kit.escape(value.toString());
            case NUMBER, TEXT -> Kit.escape(Kit.clip(value.toString(), MAX_VALUE));
        };
    }
}
