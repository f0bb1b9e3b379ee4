package dev.mstudio.slackbot.command;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.mstudio.client.JobKind;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One job (or any detail) as Block Kit: a header, two-column fields, and for a job the buttons
 * Refresh, Watch, and for admins Cancel or Delete behind Slack's confirm dialog.
 */
final class DetailBlocks {
    static final int MAX_SECTIONS = 4;
    private static final int MAX_VALUE = 300;

    private DetailBlocks() {
    }

    static List<LayoutBlock> render(Result.Detail detail, boolean admin) {
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
        JobRef.of(detail).map(job -> buttons(job, admin)).filter(list -> !list.isEmpty())
                .ifPresent(buttons -> blocks.add(Kit.actions(buttons)));
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
            case TIME -> value instanceof Instant time ? Kit.date(time) : Kit.escape(value.toString());
            case NUMBER, TEXT -> Kit.escape(Kit.clip(value.toString(), MAX_VALUE));
        };
    }

    private static List<BlockElement> buttons(JobRef job, boolean admin) {
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(Kit.button("Refresh", ActionIds.REFRESH, job.command() + " " + job.id(), null));
        boolean terminal = job.kind().isTerminal(job.status());
        if (!terminal) {
            buttons.add(Kit.button("Watch", ActionIds.WATCH, "watch " + job.id(), null));
        }
        if (admin && job.kind() == JobKind.FINETUNE && !terminal) {
            buttons.add(Kit.dangerButton("Cancel job", ActionIds.CONFIRMED_CANCEL,
                    "finetune cancel " + job.id() + " --yes", "Cancel fine-tune job `" + job.id() + "`?"));
        }
        if (admin && terminal) {
            buttons.add(Kit.dangerButton("Delete job", ActionIds.CONFIRMED_DELETE,
                    job.command() + " delete " + job.id() + " --yes",
                    "Delete " + job.kind().label() + " job `" + job.id() + "`? This cannot be undone."));
        }
        return buttons;
    }

    /** The job a detail shows, read from its title ("Import job ID", "Fine-tune job ID") and fields. */
    record JobRef(JobKind kind, String id, String status) {
        static Optional<JobRef> of(Result.Detail detail) {
            String title = detail.title() == null ? "" : detail.title();
            JobKind kind = title.startsWith("Import job ") ? JobKind.IMPORT
                    : title.startsWith("Fine-tune job ") ? JobKind.FINETUNE : null;
            String id = text(detail, "job_id");
            if (kind == null || id == null || id.isBlank() || id.contains(" ")) {
                return Optional.empty();
            }
            return Optional.of(new JobRef(kind, id, text(detail, "status")));
        }

        /** The command word for this kind: "import" or "finetune". */
        String command() {
            return kind == JobKind.IMPORT ? "import" : "finetune";
        }

        private static String text(Result.Detail detail, String name) {
            return detail.fields().stream().filter(field -> field.name().equals(name) && field.value() != null)
                    .map(field -> field.value().toString()).findFirst().orElse(null);
        }
    }
}
