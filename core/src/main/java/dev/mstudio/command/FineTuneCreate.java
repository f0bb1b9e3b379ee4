package dev.mstudio.command;

import dev.mstudio.client.CreateFineTuneRequest;
import dev.mstudio.client.DataFile;
import dev.mstudio.client.FileUpload;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.HyperParameters;
import dev.mstudio.dataset.DatasetReport;
import dev.mstudio.dataset.Datasets;
import dev.mstudio.dataset.InvalidDatasetException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * /finetune create: local JSONL files are checked (each read once, streaming), then uploaded, then
 * the job is created; any invalid file stops everything before an upload. --dry-run checks only.
 */
final class FineTuneCreate {
    private static final int MAX_DATA = WorkflowDeclarations.MAX_FILES;

    /** The data as asked: each value a local file (with its report) or an uploaded file ID. */
    private record Data(List<String> training, List<String> validation, List<DatasetReport> reports) {
        long samples() {
            return reports.stream().mapToLong(DatasetReport::samples).sum();
        }

        long tokens() {
            return reports.stream().mapToLong(DatasetReport::estimatedTokens).sum();
        }
    }

    Result run(Session session, Command command, Context context) throws Exception {
        Data data = check(command);
        if (command.has(WorkflowDeclarations.DRY_RUN)) {
            return new Result.Message(Result.Level.SUCCESS, "The data is valid: " + describe(data)
                    + ". Nothing was uploaded or created (--dry-run).", 0, null);
        }
        List<String> training = upload(session, data.training(), data.reports());
        List<String> validation = upload(session, data.validation(), data.reports());
        FineTuneJob job = session.jobs().client().createFineTune(new CreateFineTuneRequest(
                command.get(Declarations.MODEL), training, validation, hyper(command),
                command.get(WorkflowDeclarations.TYPE), command.get(WorkflowDeclarations.SUFFIX)));
        String slash = command.slash() ? "/" : "";
        String text = "Created fine-tune job " + job.jobId() + " of " + job.model() + " (" + job.status()
                + ") on " + JobViews.count(training.size() + validation.size(), "file") + ".";
        if (command.has(WorkflowDeclarations.WAIT)) {
            return Declarations.WAITS.after(session, text, job.jobId());
        }
        return new Result.Message(Result.Level.SUCCESS, text + " " + slash + "wait " + job.jobId()
                + " blocks until it ends.", 0, JobViews.raw(job));
    }

    /** The confirmation: model, type, data with samples and estimated tokens, epochs. */
    static String ask(Session session, Command command) throws IOException {
        Data data = check(command);
        Integer epochs = command.get(WorkflowDeclarations.EPOCHS);
        String type = command.get(WorkflowDeclarations.TYPE);
        return "Start a fine-tune of " + command.get(Declarations.MODEL) + " (" + (type == null ? "sft" : type)
                + ") on " + describe(data) + ", " + (epochs == null ? "default epochs" : epochs + " epochs")
                + (epochs == null || data.tokens() == 0 ? "" : " (~" + epochs * data.tokens() + " tokens trained)")
                + "? Local files are uploaded first.";
    }

    private static Data check(Command command) throws IOException {
        List<String> training = command.get(WorkflowDeclarations.DATA);
        List<String> validation = command.get(WorkflowDeclarations.VALIDATION);
        if (training.size() + validation.size() > MAX_DATA) {
            throw new IllegalArgumentException("At most " + MAX_DATA + " data files, got "
                    + (training.size() + validation.size()));
        }
        learningRate(command);
        List<DatasetReport> reports = new ArrayList<>();
        for (String value : LocalPaths.values(command)) {
            if (LocalPaths.isLocal(value)) {
                Path path = Path.of(value);
                if (!java.nio.file.Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("No such file: " + value);
                }
                reports.add(Datasets.check(path, command.get(WorkflowDeclarations.TYPE),
                        command.get(WorkflowDeclarations.BATCH_SIZE)));
            }
        }
        if (reports.stream().anyMatch(report -> !report.valid())) {
            throw new InvalidDatasetException(reports);
        }
        return new Data(training, validation, reports);
    }

    /** Uploads the local files among {@code values} in one request; returns every value as a file ID, in order. */
    private static List<String> upload(Session session, List<String> values, List<DatasetReport> reports)
            throws IOException {
        List<FileUpload> uploads = new ArrayList<>();
        for (String value : values) {
            if (LocalPaths.isLocal(value)) {
                uploads.add(new FileUpload(Path.of(value), null));
            }
        }
        List<DataFile> uploaded = uploads.isEmpty() ? List.of() : session.jobs().client().uploadFiles(uploads);
        List<String> ids = new ArrayList<>();
        int next = 0;
        for (String value : values) {
            if (LocalPaths.isLocal(value)) {
                DataFile file = uploaded.get(next++);
                session.names().file(file.fileId(), file.name());
                ids.add(file.fileId());
            } else {
                ids.add(value);
            }
        }
        return ids;
    }

    private static String describe(Data data) {
        List<String> parts = new ArrayList<>();
        for (DatasetReport report : data.reports()) {
            parts.add(report.path().getFileName() + " (" + JobViews.count(report.samples(), "sample") + ", ~"
                    + report.estimatedTokens() + " tokens)");
        }
        long ids = fileIds(data);
        if (ids > 0) {
            parts.add(JobViews.count(ids, "uploaded file"));
        }
        return String.join(", ", parts);
    }

    private static HyperParameters hyper(Command command) {
        return new HyperParameters(command.get(WorkflowDeclarations.EPOCHS), command.get(WorkflowDeclarations.BATCH_SIZE),
                command.get(WorkflowDeclarations.MAX_LENGTH), learningRate(command), null, null);
    }

    private static String learningRate(Command command) {
        String rate = command.get(WorkflowDeclarations.LEARNING_RATE);
        if (rate == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(rate.strip());
            if (value > 0 && value < 1) {
                return rate.strip();
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException("--learning-rate must be a number between 0 and 1, e.g. 1.6e-5; got "
                + ParseErrors.clip(rate));
    }

    private static long fileIds(Data data) {
        return java.util.stream.Stream.concat(data.training().stream(), data.validation().stream())
                .filter(value -> !LocalPaths.isLocal(value)).count();
    }
}
