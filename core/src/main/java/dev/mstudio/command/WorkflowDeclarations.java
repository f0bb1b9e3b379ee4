package dev.mstudio.command;

import static dev.mstudio.client.JobKind.FINETUNE;

import java.util.List;

/**
 * The declarations of the fine-tuning workflow: /files, /file, /finetune create and export,
 * /deployments, /deployment and /deploy. Local paths are read only in the REPL: /file upload is
 * REPL-only, and /finetune create refuses paths in Slack (file IDs only).
 */
final class WorkflowDeclarations {
    static final int MAX_FILES = 20;
    static final int MAX_TEXT = 1000;
    static final String TYPES = "sft|efficient_sft|cpt|dpo_full|dpo_lora";

    static final Param<List<String>> PATHS = Param.list("PATH");
    static final Param<String> DESCRIPTION = Param.text("--description");
    static final Param<List<String>> DATA = Param.list("--data");
    static final Param<List<String>> VALIDATION = Param.list("--validation");
    static final Param<String> TYPE = Param.text("--type");
    static final Param<Integer> EPOCHS = Param.number("--epochs");
    static final Param<Integer> BATCH_SIZE = Param.number("--batch-size");
    static final Param<String> LEARNING_RATE = Param.text("--learning-rate");
    static final Param<Integer> MAX_LENGTH = Param.number("--max-length");
    static final Param<String> SUFFIX = Param.text("--suffix");
    static final Param<Boolean> WAIT = Param.flag("--wait");
    static final Param<Boolean> DRY_RUN = Param.flag("--dry-run");
    static final Param<String> CHECKPOINT = Param.text("CHECKPOINT");
    static final Param<String> MODEL_NAME = Param.text("MODEL");
    static final Param<String> PLAN = Param.text("--plan");
    static final Param<Integer> CAPACITY = Param.number("--capacity");

    private static final FileCommands FILES = new FileCommands();
    private static final FineTuneCreate CREATE = new FineTuneCreate();
    private static final DeploymentCommands DEPLOYMENTS = new DeploymentCommands();

    private WorkflowDeclarations() {
    }

    static SpecBuilder files() {
        return paged(new SpecBuilder("/files", "List uploaded data files, newest first.")).handler(FILES::list);
    }

    static SpecBuilder file() {
        SpecBuilder upload = new SpecBuilder("upload", "Upload local JSONL files for fine-tuning.")
                .positionals(PATHS, "1..*", Slot.of(Slot.Type.FILE), Declaration.Check.distinct("files", MAX_FILES),
                        "the local files to upload")
                .text(DESCRIPTION, "TEXT", Slot.TEXT, Declaration.Check.length(DESCRIPTION.key(), MAX_TEXT),
                        "a description for every file uploaded")
                .flag(Declarations.YES, "do not ask for confirmation")
                .destructive(FileCommands::askUpload).only(Surface.REPL).handler(FILES::upload);
        SpecBuilder delete = new SpecBuilder("delete", "Delete an uploaded file.")
                .positional(Declarations.ID, "1", Slot.of(Slot.Type.FILE_ID), "the file ID")
                .flag(Declarations.YES, "do not ask for confirmation")
                .destructive(FileCommands::askDelete).handler(FILES::delete);
        return new SpecBuilder("/file", "Show one uploaded file, or upload or delete files.")
                .positional(Declarations.ID, "0..1", Slot.of(Slot.Type.FILE_ID), "the file to show")
                .synopsis("/file ID", "/file upload PATH... [--description TEXT] [--yes]", "/file delete ID [--yes]")
                .subcommand(upload).subcommand(delete).handler(FILES::show);
    }

    static SpecBuilder fineTuneCreate() {
        return new SpecBuilder("create", "Validate and upload the data, then start a fine-tune job.")
                .required(Declarations.MODEL, "M", Slot.model(FINETUNE),
                        Declaration.Check.length(Declarations.MODEL.key(), Declarations.MAX_MODEL),
                        "the base model, e.g. qwen3-14b")
                .texts(DATA, "PATH|FILE_ID", Slot.of(Slot.Type.DATA), true,
                        "training data: local JSONL files (REPL only) or uploaded file IDs")
                .texts(VALIDATION, "PATH|FILE_ID", Slot.of(Slot.Type.DATA), false, "validation data, likewise")
                .text(TYPE, "T", Slot.of(Slot.Type.TRAINING_TYPE), Declaration.Check.choice(TYPES),
                        "the training type: " + TYPES.replace("|", ", ") + " (default sft)")
                .number(EPOCHS, "N", 1, 100, "epochs (n_epochs)")
                .number(BATCH_SIZE, "N", 1, 1024, "batch size")
                .text(LEARNING_RATE, "X", Slot.TEXT, Declaration.Check.length(LEARNING_RATE.key(), 20),
                        "learning rate, e.g. 1.6e-5")
                .number(MAX_LENGTH, "N", 1, 1_000_000, "the longest sample in tokens")
                .text(SUFFIX, "S", Slot.TEXT, Declaration.Check.length(SUFFIX.key(), 64), "the output model's suffix")
                .flag(Declarations.YES, "do not ask for confirmation")
                .flag(WAIT, Surface.REPL, "block until the job ends, as /wait does")
                .flag(DRY_RUN, "validate the data only: nothing is uploaded or created")
                .synopsis("/finetune create --model M --data PATH|FILE_ID... [--validation PATH|FILE_ID...] [--type T]"
                        + " [--epochs N] [--batch-size N] [--learning-rate X] [--max-length N] [--suffix S] [--yes]"
                        + " [--wait] [--dry-run]")
                .destructive(FineTuneCreate::ask).handler(CREATE::run);
    }

    static SpecBuilder fineTuneExport() {
        return new SpecBuilder("export", "Export a checkpoint of a fine-tune job as a model you can deploy.")
                .positional(Declarations.ID, "1", Slot.jobId(FINETUNE), "the fine-tune job ID")
                .positional(CHECKPOINT, "1", Slot.of(Slot.Type.CHECKPOINT), "the checkpoint, e.g. checkpoint-40")
                .required(Declarations.NAME, "MODEL_NAME", Slot.TEXT,
                        Declaration.Check.length(Declarations.NAME.key(), 64), "the exported model's name")
                .flag(Declarations.YES, "do not ask for confirmation")
                .destructive(DeploymentCommands::askExport).handler(DEPLOYMENTS::export);
    }

    static SpecBuilder deployments() {
        return paged(new SpecBuilder("/deployments", "List deployed models (they bill until deleted)."))
                .handler(DEPLOYMENTS::list);
    }

    static SpecBuilder deployment() {
        SpecBuilder scale = new SpecBuilder("scale", "Change how many instances serve a deployment.")
                .positional(Declarations.ID, "1", Slot.of(Slot.Type.DEPLOYMENT), "the deployed model")
                .number(CAPACITY, "N", 1, 100, "instances, 1 to 100")
                .flag(Declarations.YES, "do not ask for confirmation")
                .synopsis("/deployment scale ID --capacity N [--yes]")
                .destructive(DeploymentCommands::askScale).handler(DEPLOYMENTS::scale);
        SpecBuilder delete = new SpecBuilder("delete", "Delete a deployment (it stops billing).")
                .positional(Declarations.ID, "1", Slot.of(Slot.Type.DEPLOYMENT), "the deployed model")
                .flag(Declarations.YES, "do not ask for confirmation")
                .destructive(DeploymentCommands::askDelete).handler(DEPLOYMENTS::delete);
        return new SpecBuilder("/deployment", "Show one deployment, or scale or delete one.")
                .positional(Declarations.ID, "0..1", Slot.of(Slot.Type.DEPLOYMENT), "the deployed model to show")
                .synopsis("/deployment ID", "/deployment scale ID --capacity N [--yes]", "/deployment delete ID [--yes]")
                .subcommand(scale).subcommand(delete).handler(DEPLOYMENTS::show);
    }

    static SpecBuilder deploy() {
        return new SpecBuilder("/deploy", "Deploy a model (a fine-tuned or exported one); it bills until deleted.")
                .positional(MODEL_NAME, "1", Slot.model(FINETUNE), Declaration.Check.length(MODEL_NAME.key(), 256),
                        "the model to deploy")
                .text(PLAN, "lora|mu", Slot.of(Slot.Type.PLAN), Declaration.Check.choice("lora|mu"),
                        "the deployment plan")
                .number(CAPACITY, "N", 1, 100, "instances, 1 to 100 (default 1)")
                .text(SUFFIX, "S", Slot.TEXT, Declaration.Check.length(SUFFIX.key(), 64), "the deployment's suffix")
                .flag(Declarations.YES, "do not ask for confirmation")
                .flag(WAIT, Surface.REPL, "block until it is RUNNING (or fails)")
                .destructive(DeploymentCommands::askDeploy).handler(DEPLOYMENTS::deploy);
    }

    private static SpecBuilder paged(SpecBuilder builder) {
        return builder.number(Declarations.PAGE, "N", 1, Declarations.MAX_PAGE, "the page to show (default 1)")
                .number(Declarations.SIZE, "N", 1, Declarations.MAX_SIZE, "items per page, 1 to 100 (default 10)");
    }
}
