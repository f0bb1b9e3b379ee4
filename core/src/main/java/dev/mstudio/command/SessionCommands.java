package dev.mstudio.command;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.ValueType;
import dev.mstudio.paging.Jobs;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** /set output, /set region, /history, /open, /help and /exit. */
final class SessionCommands {
    private static final long MAX_SCRIPT_BYTES = 1 << 20;
    Result output(Session session, Command invocation, Context context) {
        boolean json = "json".equals(invocation.get(Declarations.MODE));
        session.jsonOutput(json);
        return info(json ? "Output: json (each result as the API's JSON, for jq)." : "Output: table.");
    }

    Result region(Session session, Command invocation, Context context) {
        String region = invocation.get(Declarations.REGION);
        if (session.regionSwitch().isEmpty()) {
            return Result.Failure.of("This session's base URL is fixed (" + session.jobs().client().baseUrl()
                            + "), so its region cannot change.",
                    "Regions apply only without --sandbox and without " + ClientConfig.ENV_BASE_URL
                            + ": unset it and start mstudio with " + ClientConfig.ENV_REGION + "=" + region + ".");
        }
        Function<String, DashScopeClient> regionSwitch = session.regionSwitch().get();
        DashScopeClient client = regionSwitch.apply(region);
        int stopped = session.watches().closeAll();
        Jobs jobs = session.switchTo(region, client);
        return info("Now using region " + region + " (" + jobs.client().baseUrl() + ")."
                + (stopped == 0 ? "" : " Stopped " + JobViews.count(stopped, "watch") + " of the previous region."));
    }

    Result history(Session session, Command invocation, Context context) {
        List<String> lines = session.host().history();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(Arrays.asList(i + 1, lines.get(i)));
        }
        return new Result.Table("History", List.of(new Column("#", ValueType.NUMBER),
                new Column("COMMAND", ValueType.TEXT)), rows, JobViews.count(rows.size(), "command"), null);
    }

    /** The file's command lines, blank lines and # comments dropped, for the front end to run in order. */
    Result open(Session session, Command invocation, Context context) {
        String name = invocation.get(Declarations.FILE);
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            return Result.Failure.of("Invalid file name " + ParseErrors.clip(name) + ".", invocation.usage());
        }
        try {
            Result.Failure unusable = unusable(file, name);
            if (unusable != null) {
                return unusable;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            return new Result.Script(name, lines);
        } catch (MalformedInputException e) {
            return Result.Failure.of("The script " + name + " is not UTF-8 text.", "Save it as UTF-8.");
        } catch (AccessDeniedException e) {
            return unreadable(name);
        } catch (NoSuchFileException e) {
            return Result.Failure.of("No such file: " + name + ".", where());
        } catch (IOException | SecurityException e) {
            return Result.Failure.of("Cannot read " + name + ".", "Check that the file can be read, then try again.");
        }
    }

    /** Why {@code file} cannot be run as a script, or null when it can be read. */
    private static Result.Failure unusable(Path file, String name) throws IOException {
        if (Files.isDirectory(file)) {
            return Result.Failure.of(name + " is a directory.", "Give the path of a script file in it.");
        }
        if (!Files.exists(file)) {
            return Result.Failure.of("No such file: " + name + ".", where());
        }
        if (!Files.isRegularFile(file)) {
            return Result.Failure.of(name + " is not a regular file.",
                    "Give a script file; devices, pipes and sockets cannot be opened.");
        }
        if (!Files.isReadable(file)) {
            return unreadable(name);
        }
        if (Files.size(file) > MAX_SCRIPT_BYTES) {
            return Result.Failure.of("The script " + name + " is larger than 1 MB.", "Split it into smaller files.");
        }
        return null;
    }

    private static Result.Failure unreadable(String name) {
        return Result.Failure.of("Cannot read " + name + ": permission denied.",
                "Check the file's permissions (it must be readable by you).");
    }

    private static String where() {
        return "Give a path relative to " + Path.of("").toAbsolutePath() + ", or an absolute one.";
    }

    Result help(Session session, Command invocation, Context context) {
        HelpText helpText = invocation.grammar().helpText();
        List<String> words = invocation.get(Declarations.TOPIC);
        if (words == null || words.isEmpty()) {
            return helpText.overview(context.surface());
        }
        String topic = String.join(" ", words);
        return helpText.help(topic).<Result>map(SessionCommands::info)
                .orElseGet(() -> Result.Failure.of(helpText.unknown(topic), "Type /help for the list of commands."));
    }

    Result exit(Session session, Command invocation, Context context) {
        return new Result.Exit(invocation.get(Declarations.EXIT_STATUS, 0));
    }

    private static Result.Message info(String text) {
        return new Result.Message(Result.Level.INFO, text, 0, null);
    }
}
