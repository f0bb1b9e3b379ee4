package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.command.Command;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private final List<String> ran = new ArrayList<>();
    private final List<Result> shown = new ArrayList<>();

    private Interpreter interpreter(Map<String, Result> results, boolean answer) {
        Interpreter.Runner runner = new Interpreter.Runner() {
            @Override
            public Result run(String line) {
                ran.add(line);
                Result result = results.get(line);
                if (result == null) {
                    throw new IllegalStateException("boom: " + line);
                }
                return result;
            }

            @Override
            public Result runConfirmed(Command command) {
                return run("confirmed " + command.canonical());
            }
        };
        return new Interpreter(runner, new Interpreter.Console() {
            @Override
            public void show(Result result) {
                shown.add(result);
            }

            @Override
            public boolean confirm(String question) {
                return answer;
            }
        });
    }

    private static Command parse(String line) {
        return CommandLanguage.standard().parse(line).command();
    }

    @Test
    void execute_script_runsLinesInOrderAndStopsAtTheFirstFailure() {
        Result script = new Result.Script("demo.mstudio", List.of("/a", "", "# note", "/fail", "/b"));
        Map<String, Result> results = Map.of("/open demo.mstudio", script, "/a", Result.Message.info("a"),
                "/fail", Result.Failure.of("no", null), "/b", Result.Message.info("b"));

        Interpreter.Outcome outcome = interpreter(results, false).execute("/open demo.mstudio");

        assertThat(ran).containsExactly("/open demo.mstudio", "/a", "/fail");
        assertThat(outcome).isEqualTo(new Interpreter.Outcome(1, false));
    }

    @Test
    void execute_exit_endsWithItsStatus() {
        Interpreter.Outcome outcome = interpreter(Map.of("/exit 3", new Result.Exit(3)), false).execute("/exit 3");

        assertThat(outcome).isEqualTo(new Interpreter.Outcome(3, true));
        assertThat(shown).isEmpty();
    }

    @Test
    void execute_confirmDeclined_doesNotRunTheConfirmedLine() {
        Map<String, Result> results = Map.of("/import delete x", new Result.Confirm("Delete x?", parse("/import delete x --yes")));

        Interpreter.Outcome outcome = interpreter(results, false).execute("/import delete x");

        assertThat(ran).containsExactly("/import delete x");
        assertThat(outcome.status()).isEqualTo(1);
    }

    @Test
    void execute_confirmAccepted_runsTheConfirmedLine() {
        Map<String, Result> results = Map.of("/import delete x", new Result.Confirm("Delete x?", parse("/import delete x --yes")),
                "confirmed /import delete x --yes", Result.Message.info("Deleted."));

        Interpreter.Outcome outcome = interpreter(results, true).execute("/import delete x");

        assertThat(ran).containsExactly("/import delete x", "confirmed /import delete x --yes");
        assertThat(outcome).isEqualTo(Interpreter.Outcome.OK);
    }

    @Test
    void execute_runnerThrows_showsOneFailureInsteadOfATrace() {
        Interpreter.Outcome outcome = interpreter(Map.of(), false).execute("/anything");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(shown).singleElement().isInstanceOfSatisfying(Result.Failure.class,
                failure -> assertThat(failure.message()).isEqualTo("boom: /anything"));
    }

    @Test
    void execute_scriptOpeningItself_stopsAtTheNestingLimit() {
        Result loop = new Result.Script("loop", List.of("/open loop"));

        Interpreter.Outcome outcome = interpreter(Map.of("/open loop", loop), false).execute("/open loop");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(shown).singleElement().isInstanceOf(Result.Failure.class);
    }
}
