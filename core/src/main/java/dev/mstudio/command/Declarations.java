package dev.mstudio.command;

import static dev.mstudio.client.JobKind.FINETUNE;
import static dev.mstudio.client.JobKind.IMPORT;

import dev.mstudio.client.JobKind;
import dev.mstudio.command.Declaration.Check;
import java.util.ArrayList;
import java.util.List;

/** The declaration of every command of the language: names, options, values, usage and help text. */
final class Declarations {
    static final int MAX_PAGE = 1_000_000;
    static final int MAX_SIZE = 100;
    static final int MAX_TAIL = 1_000;

    private Declarations() {
    }

    static List<Declaration> all() {
        List<SpecBuilder> builders = List.of(imports(), importJob(), fineTunes(), fineTune(),
                new SpecBuilder("/next", "Show the next page of the last listing."),
                new SpecBuilder("/prev", "Show the previous page of the last listing."),
                watch(), unwatch(),
                new SpecBuilder("/watches", "List what this session watches."),
                waitFor(), set(),
                new SpecBuilder("/history", "List the commands entered before."),
                new SpecBuilder("/open", "Run the commands in a file, one per line (# starts a comment).")
                        .positional("FILE", "1", Slot.of(Slot.Type.FILE), "the script to run"),
                new SpecBuilder("/help", "List the commands, or show how to use one.")
                        .positional("CMD", "0..*", Slot.of(Slot.Type.COMMAND), "a command, e.g. /imports or import create"),
                new SpecBuilder("/exit", "End the session, with exit status N (default 0).")
                        .numberPositional("N", 0, 255, "the exit status, 0 to 255"));
        List<Declaration> declarations = new ArrayList<>();
        for (SpecBuilder builder : builders) {
            declarations.add(builder.build());
        }
        return List.copyOf(declarations);
    }

    private static SpecBuilder imports() {
        return listing(new SpecBuilder("/imports", "List import jobs, newest first."), IMPORT);
    }

    private static SpecBuilder fineTunes() {
        return listing(new SpecBuilder("/finetunes", "List fine-tune jobs, newest first."), FINETUNE);
    }

    private static SpecBuilder listing(SpecBuilder builder, JobKind kind) {
        return builder
                .text("--status", "S", Slot.status(kind), Check.status(kind),
                        "only jobs in this status: ".concat(String.join(", ", kind.statuses())))
                .text("--model", "NAME", Slot.model(kind), "only jobs of this model")
                .number("--page", "N", 1, MAX_PAGE, "the page to show (default 1)")
                .number("--size", "N", 1, MAX_SIZE, "jobs per page, 1 to " + MAX_SIZE + " (default 10)")
                .footer("Then /next and /prev page through the listing.");
    }

    private static SpecBuilder importJob() {
        SpecBuilder create = new SpecBuilder("create", "Import a model from OSS as a new import job.")
                .required("--base", "MODEL", Slot.model(null), null, "the base model, e.g. qwen3-32b")
                .required("--weight", "lora|full", Slot.of(Slot.Type.WEIGHT),
                        Check.WEIGHT, "the weight type: lora or full")
                .required("--bucket", "B", Slot.TEXT, null, "the OSS bucket holding the model files")
                .required("--key", "PREFIX/", Slot.TEXT, null, "the object key prefix; must end with /")
                .text("--name", "TEXT", Slot.TEXT, "a display name, at most 50 characters");
        SpecBuilder delete = new SpecBuilder("delete", "Delete a finished (SUCCESSED or FAILED) import job.")
                .positional("ID", "1", Slot.jobId(IMPORT), "the import job ID")
                .flag("--yes", "do not ask for confirmation");
        return new SpecBuilder("/import", "Show one import job, or create or delete one.")
                .positional("ID", "0..1", Slot.jobId(IMPORT), "the import job to show")
                .synopsis("/import ID",
                        "/import create --base MODEL --weight lora|full --bucket B --key PREFIX/ [--name TEXT]",
                        "/import delete ID [--yes]")
                .subcommand(create).subcommand(delete);
    }

    private static SpecBuilder fineTune() {
        SpecBuilder cancel = new SpecBuilder("cancel", "Cancel a PENDING or RUNNING fine-tune job.")
                .positional("ID", "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .flag("--yes", "do not ask for confirmation");
        SpecBuilder delete = new SpecBuilder("delete", "Delete a fine-tune job that is not running.")
                .positional("ID", "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .flag("--yes", "do not ask for confirmation");
        SpecBuilder logs = new SpecBuilder("logs", "Show a fine-tune job's training log.")
                .positional("ID", "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .number("--tail", "N", 1, MAX_TAIL, "show the last N lines (default 100)")
                .flag("--follow", "keep showing new lines until the job ends (Ctrl-C stops)");
        SpecBuilder checkpoints = new SpecBuilder("checkpoints", "List the checkpoints a fine-tune job saved.")
                .positional("ID", "1", Slot.jobId(FINETUNE), "the fine-tune job ID");
        return new SpecBuilder("/finetune", "Show one fine-tune job, or cancel, delete or inspect one.")
                .positional("ID", "0..1", Slot.jobId(FINETUNE), "the fine-tune job to show")
                .synopsis("/finetune ID", "/finetune cancel ID [--yes]", "/finetune delete ID [--yes]",
                        "/finetune logs ID [--tail N] [--follow]", "/finetune checkpoints ID")
                .subcommand(cancel).subcommand(delete).subcommand(logs).subcommand(checkpoints);
    }

    private static SpecBuilder watch() {
        return new SpecBuilder("/watch", "Be told when jobs change status.")
                .positional("ID", "0..*", Slot.jobId(null), "the jobs to watch, of either kind")
                .flag("--imports", "watch every active import job")
                .flag("--finetunes", "watch every active fine-tune job")
                .text("--model", "M", Slot.model(null), "with --imports or --finetunes: only jobs of this model")
                .synopsis("/watch ID...", "/watch --imports|--finetunes [--model M]");
    }

    private static SpecBuilder unwatch() {
        return new SpecBuilder("/unwatch", "Stop watching jobs.")
                .positional("ID", "0..*", Slot.of(Slot.Type.WATCHED_ID), "the watched jobs to forget")
                .flag("--imports", "stop watching every import job")
                .flag("--finetunes", "stop watching every fine-tune job")
                .flag("--all", "stop every watch")
                .synopsis("/unwatch ID...", "/unwatch --imports|--finetunes|--all");
    }

    private static SpecBuilder waitFor() {
        return new SpecBuilder("/wait",
                "Block until a job ends: status 0 succeeded, 1 failed or canceled, 2 timeout.")
                .positional("ID", "1", Slot.jobId(null), "the job to wait for, of either kind")
                .duration("--timeout", "DURATION", "give up after this long, e.g. 30s, 5m, 1h, PT5M (default: never)");
    }

    private static SpecBuilder set() {
        SpecBuilder output = new SpecBuilder("output", "Show results as tables or as the API's JSON.")
                .positional("MODE", "1", Slot.of(Slot.Type.OUTPUT),
                        Check.OUTPUT, "table or json");
        SpecBuilder region = new SpecBuilder("region", "Use another DashScope region.")
                .positional("R", "1", Slot.of(Slot.Type.REGION), Check.REGION,
                        "intl, cn, us or hk");
        output.synopsis("/set output table|json");
        return new SpecBuilder("/set", "Change a setting of this session.")
                .synopsis("/set output table|json", "/set region R")
                .subcommand(output).subcommand(region);
    }
}
