package dev.mstudio.command;

import dev.mstudio.client.DataFile;
import dev.mstudio.client.FilePage;
import dev.mstudio.client.FileUpload;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.Field;
import dev.mstudio.command.Result.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** /files, /file ID, /file upload PATH... and /file delete ID. */
final class FileCommands {
    private static final List<Column> COLUMNS = List.of(new Column("FILE ID", ValueType.ID),
            new Column("NAME", ValueType.TEXT), new Column("SIZE", ValueType.NUMBER),
            new Column("CREATED", ValueType.TIME), new Column("DESCRIPTION", ValueType.TEXT));

    Result list(Session session, Command command, Context context) throws IOException {
        int page = orElse(command.get(Declarations.PAGE), 1);
        FilePage files = session.jobs().client().listFiles(page, orElse(command.get(Declarations.SIZE), 10));
        List<List<Object>> rows = new ArrayList<>();
        List<com.fasterxml.jackson.databind.JsonNode> json = new ArrayList<>();
        for (DataFile file : files.files()) {
            session.names().file(file.fileId(), file.name());
            rows.add(Arrays.asList(file.fileId(), file.name(), file.size(), JobViews.time(file.gmtCreate()),
                    file.description()));
            json.add(file.raw());
        }
        String footer = JobViews.count(files.total(), "file") + ", page " + files.pageNo()
                + (files.hasNext() ? "; --page " + (files.pageNo() + 1) + " shows more" : "");
        return new Result.Table("Files", COLUMNS, rows, footer, JobViews.array(json));
    }

    Result show(Session session, Command command, Context context) throws IOException {
        String id = command.get(Declarations.ID);
        if (id == null) {
            return list(session, command, context);
        }
        DataFile file = session.jobs().client().getFile(id);
        session.names().file(file.fileId(), file.name());
        List<Field> fields = List.of(new Field("File ID", file.fileId(), ValueType.ID),
                new Field("Name", file.name(), ValueType.TEXT), new Field("Size", file.size(), ValueType.NUMBER),
                new Field("MD5", file.md5(), ValueType.TEXT),
                new Field("Created", JobViews.time(file.gmtCreate()), ValueType.TIME),
                new Field("Description", file.description(), ValueType.TEXT));
        return new Result.Detail("File " + file.fileId(), fields, file.raw());
    }

    Result upload(Session session, Command command, Context context) throws IOException {
        List<FileUpload> uploads = new ArrayList<>();
        for (String path : command.get(WorkflowDeclarations.PATHS)) {
            uploads.add(new FileUpload(Path.of(path), command.get(WorkflowDeclarations.DESCRIPTION)));
        }
        List<DataFile> uploaded = session.jobs().client().uploadFiles(uploads);
        List<List<Object>> rows = new ArrayList<>();
        List<com.fasterxml.jackson.databind.JsonNode> json = new ArrayList<>();
        for (DataFile file : uploaded) {
            session.names().file(file.fileId(), file.name());
            rows.add(Arrays.asList(file.fileId(), file.name(), null, null, null));
            json.add(file.raw());
        }
        return new Result.Table("Uploaded", COLUMNS, rows, JobViews.count(uploaded.size(), "file")
                + " uploaded; use the IDs with /finetune create --data", JobViews.array(json));
    }

    Result delete(Session session, Command command, Context context) throws IOException {
        String id = command.get(Declarations.ID);
        session.jobs().client().deleteFile(id);
        session.names().forgetFile(id);
        return new Result.Message(Result.Level.SUCCESS, "Deleted file " + id + ".", 0,
                JobViews.object("file_id", id, "status", "success"));
    }

    static String askUpload(Session session, Command command) {
        List<String> paths = command.get(WorkflowDeclarations.PATHS);
        return "Upload " + JobViews.count(paths.size(), "file") + " (" + String.join(", ", paths) + ")?";
    }

    static String askDelete(Session session, Command command) throws IOException {
        DataFile file = session.jobs().client().getFile(command.get(Declarations.ID));
        return "Delete file " + file.fileId() + " (" + file.name() + ")? Jobs cannot use it afterwards.";
    }

    private static int orElse(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
