package dev.mstudio.command;

import static dev.mstudio.client.JobKind.FINETUNE;
import static dev.mstudio.client.JobKind.IMPORT;

import dev.mstudio.client.JobKind;
import dev.mstudio.command.Declaration.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The declaration of every command of the language: names, arguments (typed {@link Param}s),
 * usage and help text, policy (destructive; where allowed) and the handler bound to each.
 */
final class Declarations {
    static final int MAX_PAGE = 1_000_000;
    static final int MAX_SIZE = 100;
    static final int MAX_TAIL = 1_000;
    /** The longest model name a filter takes. */
    static final int MAX_MODEL = 256;
    /** The most jobs one watch command names (repeats collapsed). */
    static final int MAX_WATCH_IDS = 50;

    static final Param<String> ID = Param.text("ID");
    static final Param<List<String>> IDS = Param.list("ID");
    static final Param<String> STATUS = Param.text("--status");
    static final Param<String> MODEL = Param.text("--model");
    static final Param<Integer> PAGE = Param.number("--page");
    static final Param<Integer> SIZE = Param.number("--size");
    static final Param<String> BASE = Param.text("--base");
    static final Param<String> WEIGHT = Param.text("--weight");
    static final Param<String> BUCKET = Param.text("--bucket");
    static final Param<String> KEY = Param.text("--key");
    static final Param<String> NAME = Param.text("--name");
    static final Param<Boolean> YES = Param.flag("--yes");
    static final Param<Integer> TAIL = Param.number("--tail");
    static final Param<Boolean> FOLLOW = Param.flag("--follow");
    static final Param<Boolean> IMPORTS = Param.flag("--imports");
    static final Param<Boolean> FINETUNES = Param.flag("--finetunes");
    static final Param<Boolean> DEPLOYMENTS = Param.flag("--deployments");
    static final Param<Boolean> ALL = Param.flag("--all");
    static final Param<Boolean> DM = Param.flag("--dm");
    static final Param<Duration> TIMEOUT = Param.duration("--timeout");
    static final Param<String> MODE = Param.text("MODE");
    static final Param<String> REGION = Param.text("R");
    static final Param<String> FILE = Param.text("FILE");
    static final Param<List<String>> TOPIC = Param.list("CMD");
    static final Param<Integer> EXIT_STATUS = Param.number("N");

    private static final ListCommands LISTS = new ListCommands();
    private static final JobCommands JOBS = new JobCommands();
    private static final LogCommand LOGS = new LogCommand();
    private static final WatchCommands WATCHES = new WatchCommands();
    static final WaitCommand WAITS = new WaitCommand();
    private static final SessionCommands SETTINGS = new SessionCommands();
    private static final MetricsCommand METRICS = new MetricsCommand();

    private Declarations() {
    }

    static List<Declaration> all() {
        List<SpecBuilder> builders = List.of(imports(), importJob(), fineTunes(), fineTune(),
                new SpecBuilder("/next", "Show the next page of the last listing.").handler(LISTS::next),
                new SpecBuilder("/prev", "Show the previous page of the last listing.").handler(LISTS::prev),
                watch(), unwatch(),
                new SpecBuilder("/watches", "List what this session watches.").handler(WATCHES::list),
                WorkflowDeclarations.files(), WorkflowDeclarations.file(), WorkflowDeclarations.deployments(),
                WorkflowDeclarations.deployment(), WorkflowDeclarations.deploy(),
                waitFor(), set(),
                new SpecBuilder("/history", "List the commands entered before.").only(Surface.REPL)
                        .handler(SETTINGS::history),
                new SpecBuilder("/open", "Run the commands in a file, one per line (# starts a comment).")
                        .positional(FILE, "1", Slot.of(Slot.Type.FILE), "the script to run").only(Surface.REPL)
                        .handler(SETTINGS::open),
                new SpecBuilder("/help", "List the commands, or show how to use one.")
                        .positionals(TOPIC, "0..*", Slot.of(Slot.Type.COMMAND), null,
                                "a command, e.g. /imports or import create")
                        .handler(SETTINGS::help),
                new SpecBuilder("/exit", "End the session, with exit status N (default 0).")
                        .numberPositional(EXIT_STATUS, 0, 255, "the exit status, 0 to 255").only(Surface.REPL)
                        .handler(SETTINGS::exit),
                ChannelDeclarations.subscribe(), ChannelDeclarations.unsubscribe(),
                ChannelDeclarations.subscriptions());
        List<Declaration> declarations = new ArrayList<>();
        for (SpecBuilder builder : builders) {
            declarations.add(builder.build());
        }
        return List.copyOf(declarations);
    }

    private static SpecBuilder imports() {
        return listing(new SpecBuilder("/imports", "List import jobs, newest first."), IMPORT)
                .handler((session, command, context) -> LISTS.list(session, command, IMPORT));
    }

    private static SpecBuilder fineTunes() {
        return listing(new SpecBuilder("/finetunes", "List fine-tune jobs, newest first."), FINETUNE)
                .handler((session, command, context) -> LISTS.list(session, command, FINETUNE));
    }

    private static SpecBuilder listing(SpecBuilder builder, JobKind kind) {
        return builder
                .text(STATUS, "S", Slot.status(kind), Check.status(kind),
                        "only jobs in this status: ".concat(String.join(", ", kind.statuses())))
                .text(MODEL, "NAME", Slot.model(kind), Check.length(MODEL.key(), MAX_MODEL), "only jobs of this model")
                .number(PAGE, "N", 1, MAX_PAGE, "the page to show (default 1)")
                .number(SIZE, "N", 1, MAX_SIZE, "jobs per page, 1 to " + MAX_SIZE + " (default 10)")
                .footer("Then /next and /prev page through the listing.");
    }

    private static SpecBuilder importJob() {
        SpecBuilder create = new SpecBuilder("create", "Import a model from OSS as a new import job.")
                .required(BASE, "MODEL", Slot.model(null), Check.length(BASE.key(), MAX_MODEL),
                        "the base model, e.g. qwen3-32b")
                .required(WEIGHT, "lora|full", Slot.of(Slot.Type.WEIGHT),
                        Check.WEIGHT, "the weight type: lora or full")
                .required(BUCKET, "B", Slot.TEXT, Check.length(BUCKET.key(), 255), "the OSS bucket holding the model files")
                .required(KEY, "PREFIX/", Slot.TEXT, Check.length(KEY.key(), 1024), "the object key prefix; must end with /")
                .text(NAME, "TEXT", Slot.TEXT, "a display name, at most 50 characters")
                .flag(YES, "do not ask for confirmation")
                .destructive(JobCommands::askCreate).handler(JOBS::create);
        SpecBuilder delete = new SpecBuilder("delete", "Delete a finished (SUCCESSED or FAILED) import job.")
                .positional(ID, "1", Slot.jobId(IMPORT), "the import job ID")
                .flag(YES, "do not ask for confirmation")
                .destructive((session, command) -> JobCommands.askDelete(session, command, IMPORT))
                .handler((session, command, context) -> JOBS.delete(session, command, IMPORT));
        return new SpecBuilder("/import", "Show one import job, or create or delete one.")
                .positional(ID, "0..1", Slot.jobId(IMPORT), "the import job to show")
                .synopsis("/import ID",
                        "/import create --base MODEL --weight lora|full --bucket B --key PREFIX/ [--name TEXT] [--yes]",
                        "/import delete ID [--yes]")
                .subcommand(create).subcommand(delete)
                .handler((session, command, context) -> JOBS.show(session, command, IMPORT));
    }

    private static SpecBuilder fineTune() {
        SpecBuilder cancel = new SpecBuilder("cancel", "Cancel a PENDING or RUNNING fine-tune job.")
                .positional(ID, "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .flag(YES, "do not ask for confirmation")
                .destructive(JobCommands::askCancel).handler(JOBS::cancel);
        SpecBuilder delete = new SpecBuilder("delete", "Delete a fine-tune job that is not running.")
                .positional(ID, "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .flag(YES, "do not ask for confirmation")
                .destructive((session, command) -> JobCommands.askDelete(session, command, FINETUNE))
                .handler((session, command, context) -> JOBS.delete(session, command, FINETUNE));
        SpecBuilder logs = new SpecBuilder("logs", "Show a fine-tune job's training log.")
                .positional(ID, "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .number(TAIL, "N", 1, MAX_TAIL, "show the last N lines (default 100)")
                .flag(FOLLOW, Surface.REPL, "keep showing new lines until the job ends (Ctrl-C stops)")
                .handler(LOGS::run);
        SpecBuilder checkpoints = new SpecBuilder("checkpoints", "List the checkpoints a fine-tune job saved.")
                .positional(ID, "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .handler(JOBS::checkpoints);
        SpecBuilder metrics = new SpecBuilder("metrics", "Chart a fine-tune job's train and validation loss.")
                .positional(ID, "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .flag(FOLLOW, Surface.REPL, "draw it again as the log grows, until the job ends (Ctrl-C stops)")
                .handler(METRICS::run);
        return new SpecBuilder("/finetune", "Show one fine-tune job, or create, cancel, delete, inspect or export one.")
                .positional(ID, "0..1", Slot.jobId(FINETUNE), "the fine-tune job to show")
                .synopsis("/finetune ID", "/finetune cancel ID [--yes]", "/finetune delete ID [--yes]",
                        "/finetune logs ID [--tail N] [--follow]", "/finetune checkpoints ID", "/finetune metrics ID [--follow]",
                        "/finetune create --model M --data PATH|FILE_ID... [options]",
                        "/finetune export ID CHECKPOINT --name MODEL_NAME [--yes]")
                .subcommand(cancel).subcommand(delete).subcommand(logs).subcommand(checkpoints).subcommand(metrics)
                .subcommand(WorkflowDeclarations.fineTuneCreate()).subcommand(WorkflowDeclarations.fineTuneExport())
                .handler((session, command, context) -> JOBS.show(session, command, FINETUNE));
    }

    private static SpecBuilder watch() {
        return new SpecBuilder("/watch", "Be told when jobs change status.")
                .positionals(IDS, "0..*", Slot.jobId(null), Check.distinct("job IDs", MAX_WATCH_IDS),
                        "the jobs to watch, of any kind (a deployment by its deployed model name)")
                .flag(IMPORTS, "watch every active import job")
                .flag(FINETUNES, "watch every active fine-tune job")
                .flag(DEPLOYMENTS, "watch every deployment on its way (until RUNNING, FAILED or STOPPED)")
                .text(MODEL, "M", Slot.model(null), Check.length(MODEL.key(), MAX_MODEL),
                        "with --imports, --finetunes or --deployments: only jobs of this model")
                .flag(DM, Surface.SLACK, "in Slack: tell me privately (a direct message) instead of the channel")
                .synopsis("/watch ID...", "/watch --imports|--finetunes|--deployments [--model M]")
                .handler(WATCHES::watch);
    }

    private static SpecBuilder unwatch() {
        return new SpecBuilder("/unwatch", "Stop watching jobs.")
                .positionals(IDS, "0..*", Slot.of(Slot.Type.WATCHED_ID), Check.distinct("job IDs", MAX_WATCH_IDS),
                        "the watched jobs to forget")
                .flag(IMPORTS, "stop watching every import job")
                .flag(FINETUNES, "stop watching every fine-tune job")
                .flag(DEPLOYMENTS, "stop watching every deployment")
                .flag(ALL, "stop every watch")
                .synopsis("/unwatch ID...", "/unwatch --imports|--finetunes|--deployments|--all")
                .handler(WATCHES::unwatch);
    }

    private static SpecBuilder waitFor() {
        return new SpecBuilder("/wait",
                "Block until a job ends: status 0 succeeded, 1 failed or canceled, 2 timeout.")
                .positional(ID, "1", Slot.jobId(null),
                        "the job to wait for, of any kind (a deployment: RUNNING is 0, FAILED or STOPPED 1)")
                .duration(TIMEOUT, "DURATION", "give up after this long, e.g. 30s, 5m, 1h, PT5M (default: never)")
                .handler(WAITS::run);
    }

    private static SpecBuilder set() {
        SpecBuilder output = new SpecBuilder("output", "Show results as tables or as the API's JSON.")
                .positional(MODE, "1", Slot.of(Slot.Type.OUTPUT),
                        Check.OUTPUT, "table or json")
                .only(Surface.REPL).handler(SETTINGS::output);
        SpecBuilder region = new SpecBuilder("region", "Use another DashScope region.")
                .positional(REGION, "1", Slot.of(Slot.Type.REGION), Check.REGION,
                        "intl, cn, us or hk")
                .only(Surface.REPL).handler(SETTINGS::region);
        output.synopsis("/set output table|json");
        return new SpecBuilder("/set", "Change a setting of this session.")
                .synopsis("/set output table|json", "/set region R")
                .subcommand(output).subcommand(region).only(Surface.REPL);
    }
}
