package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What is read from the plain declarations (/help's overview, usage hints, commands typed alone) is
 * exactly what picocli's command lines built from them give, and reading it builds none of them.
 */
class DeclarationTest {
    private final Grammar grammar = Grammar.standard();

    @Test
    void overview_isPinned() {
        assertThat(new HelpText(grammar).overview().rows()).containsExactly(
                row("/imports [--status S] [--model NAME] [--page N] [--size N]", "List import jobs, newest first."),
                row("/import ID", "Show one import job, or create or delete one."),
                row("/import create --base MODEL --weight lora|full --bucket B --key PREFIX/ [--name TEXT] [--yes]",
                        "Import a model from OSS as a new import job."),
                row("/import delete ID [--yes]", "Delete a finished (SUCCESSED or FAILED) import job."),
                row("/finetunes [--status S] [--model NAME] [--page N] [--size N]",
                        "List fine-tune jobs, newest first."),
                row("/finetune ID", "Show one fine-tune job, or create, cancel, delete, inspect or export one."),
                row("/finetune cancel ID [--yes]", "Cancel a PENDING or RUNNING fine-tune job."),
                row("/finetune delete ID [--yes]", "Delete a fine-tune job that is not running."),
                row("/finetune logs ID [--tail N] [--follow]", "Show a fine-tune job's training log."),
                row("/finetune checkpoints ID", "List the checkpoints a fine-tune job saved."),
                row("/finetune metrics ID [--follow]", "Chart a fine-tune job's train and validation loss."),
                row("/finetune create --model M --data PATH|FILE_ID... [--validation PATH|FILE_ID...] [--type T]"
                        + " [--epochs N] [--batch-size N] [--learning-rate X] [--max-length N] [--suffix S] [--yes]"
                        + " [--wait] [--dry-run]", "Validate and upload the data, then start a fine-tune job."),
                row("/finetune export ID CHECKPOINT --name MODEL_NAME [--yes]",
                        "Export a checkpoint of a fine-tune job as a model you can deploy."),
                row("/next", "Show the next page of the last listing."),
                row("/prev", "Show the previous page of the last listing."),
                row("/watch ID... | /watch --imports|--finetunes|--deployments [--model M]",
                        "Be told when jobs change status."),
                row("/unwatch ID... | /unwatch --imports|--finetunes|--deployments|--all", "Stop watching jobs."),
                row("/watches", "List what this session watches."),
                row("/files [--page N] [--size N]", "List uploaded data files, newest first."),
                row("/file ID", "Show one uploaded file, or upload or delete files."),
                row("/file upload PATH... [--description TEXT] [--yes]", "Upload local JSONL files for fine-tuning."),
                row("/file delete ID [--yes]", "Delete an uploaded file."),
                row("/deployments [--page N] [--size N]", "List deployed models (they bill until deleted)."),
                row("/deployment ID", "Show one deployment, or scale or delete one."),
                row("/deployment scale ID --capacity N [--yes]", "Change how many instances serve a deployment."),
                row("/deployment delete ID [--yes]", "Delete a deployment (it stops billing)."),
                row("/deploy MODEL [--plan lora|mu] [--capacity N] [--suffix S] [--yes] [--wait]",
                        "Deploy a model (a fine-tuned or exported one); it bills until deleted."),
                row("/wait ID [--timeout DURATION]",
                        "Block until a job ends: status 0 succeeded, 1 failed or canceled, 2 timeout."),
                row("/set output table|json", "Show results as tables or as the API's JSON."),
                row("/set region R", "Use another DashScope region."),
                row("/history", "List the commands entered before."),
                row("/open FILE", "Run the commands in a file, one per line (# starts a comment)."),
                row("/help [CMD...]", "List the commands, or show how to use one."),
                row("/exit [N]", "End the session, with exit status N (default 0)."));
    }

    @Test
    void overview_isWhatPicocliRenders() {
        List<List<Object>> fromDeclarations = new HelpText(grammar).overview().rows();

        assertThat(fromDeclarations).isEqualTo(picocliOverviewRows(Grammar.standard()));
    }

    @Test
    void overviewText_isTheRowsAligned() {
        String text = CommandLanguage.standard().helpOverview();

        assertThat(text).startsWith("  /imports [--status S] [--model NAME] [--page N] [--size N]\n"
                + " ".repeat(45) + "List import jobs, newest first.\n"
                + "  /import ID" + " ".repeat(33) + "Show one import job, or create or delete one.\n");
        assertThat(text).endsWith("  /exit [N]" + " ".repeat(34) + "End the session, with exit status N (default 0).\n"
                + "Any unique prefix of a command works (/n is /next). /help CMD shows one command.");
    }

    @Test
    void usageOfEveryCommandAndSubcommand_isPicocliUsageLine() {
        for (String name : grammar.names()) {
            Declaration declaration = grammar.declaration(name);
            CommandLine command = grammar.command(name);
            assertThat(declaration.usage()).isEqualTo(Usage.line(command));
            for (Declaration sub : declaration.subcommands()) {
                assertThat(sub.usage()).isEqualTo(Usage.line(command.getSubcommands().get(sub.name())));
                assertThat(sub.qualified()).isEqualTo(command.getSubcommands().get(sub.name())
                        .getCommandSpec().qualifiedName(" "));
            }
        }
    }

    @Test
    void commandTypedAlone_parsesAsPicocliParsesIt() throws Rejected {
        Parser parser = new Parser(grammar);
        ArgumentParser picocli = new ArgumentParser(Grammar.standard());
        List<String> bare = new ArrayList<>();
        for (String name : grammar.names()) {
            if (grammar.declaration(name).runsBare()) {
                bare.add(name);
                assertThat(parser.parse("/" + name)).isEqualTo(picocli.parse(name, List.of(), true, false));
                assertThat(parser.parse(name)).isEqualTo(picocli.parse(name, List.of(), false, false));
            }
        }
        assertThat(bare).containsExactly("imports", "finetunes", "next", "prev", "watch", "unwatch", "watches",
                "files", "deployments", "history", "help", "exit", "subscriptions");
    }

    @Test
    void helpAndBareCommands_buildNoPicocliCommandLine() throws Rejected {
        Parser parser = new Parser(grammar);
        new HelpText(grammar).overview();
        parser.parse("/help");
        parser.parse("/imports");
        assertThat(grammar.names()).noneMatch(grammar::built);

        parser.parse("/help import create");

        assertThat(grammar.names()).filteredOn(grammar::built).containsExactly("help");
    }

    private static List<Object> row(String synopsis, String summary) {
        return Arrays.asList(synopsis, summary);
    }

    /** The overview as it was made from picocli's command lines: their synopses and first description lines. */
    private static List<List<Object>> picocliOverviewRows(Grammar grammar) {
        List<List<Object>> rows = new ArrayList<>();
        for (String name : grammar.names()) {
            if (!grammar.declaration(name).policy().allowedIn(Surface.REPL)) {
                continue;
            }
            CommandLine command = grammar.command(name);
            if (command.getSubcommands().isEmpty()) {
                rows.add(row(Usage.synopsis(command), grammar.summary(command)));
                continue;
            }
            if (!command.getCommandSpec().positionalParameters().isEmpty()) {
                rows.add(row(command.getCommandSpec().usageMessage().customSynopsis()[0], grammar.summary(command)));
            }
            command.getSubcommands().values().forEach(sub -> rows.add(row(Usage.synopsis(sub), grammar.summary(sub))));
        }
        return rows;
    }
}
