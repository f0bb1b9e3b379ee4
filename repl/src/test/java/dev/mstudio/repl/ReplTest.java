package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.sandbox.control.Faults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive console driven through a JLine terminal on streams, against an in-process sandbox. */
class ReplTest {
    private static TestSandbox sandbox;

    @TempDir
    Path home;

    @BeforeAll
    static void startSandbox() {
        sandbox = new TestSandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void tab_importIdPrefix_completesTheWholeIdOnTheLine() throws Exception {
        String id = sandbox.importWithUniquePrefix();
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.awaitIndexWarm();

            console.type("/import " + id.substring(0, 3) + "\t\r");

            console.awaitOutput("Import job " + id, 0);
        }
        assertThat(Files.readString(home.resolve(".mstudio/history"), StandardCharsets.UTF_8)).contains("/import " + id);
    }

    @Test
    void banner_nothingConfigured_saysTheJobsAreDemoData() throws Exception {
        try (TerminalDriver console = new TerminalDriver(Map.of(), home)) {
            assertThat(console.awaitOutput("not your jobs", 0)).contains("sandbox at http://127.0.0.1:");
        }
    }

    @Test
    void tab_twice_listsCandidatesWithDescriptions() throws Exception {
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            int mark = console.mark();

            console.type("/imp\t\t");

            assertThat(console.awaitOutput("List import jobs", mark)).contains("Show one import job");
            console.type("\u0015");
        }
    }

    @Test
    void watch_statusChange_isPrintedAboveThePromptKeepingTheTypedLine() throws Exception {
        String id = sandbox.activeImport();
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.type("/watch " + id + "\r");
            console.awaitOutput("watching 1 job", 0);
            console.type("/fine");
            int mark = console.mark();

            sandbox.sandbox.forceStatus(id, "SUCCESSED");

            String after = console.awaitOutput("→ SUCCESSED", mark);
            String redrawn = console.awaitOutput("/fine", mark + after.indexOf("→ SUCCESSED"));
            assertThat(redrawn).contains(Repl.PROMPT);
            console.cancelLine();
        }
    }

    @Test
    void watch_deploymentNamedByTab_printsEachChangeAboveThePrompt_untilRunning() throws Exception {
        String id = sandbox.pendingDeployment("repl");
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.awaitIndexWarm();
            console.type("/watch " + id.substring(0, id.length() - 2) + "\t\r");
            console.awaitOutput("Watching deployment " + id + " qwen3-14b (PENDING).", 0);
            int mark = console.mark();

            sandbox.sandbox.forceStatus(id, "DEPLOYING");
            String deploying = console.awaitOutput("deployment " + id + " qwen3-14b: PENDING → DEPLOYING", mark);
            sandbox.sandbox.forceStatus(id, "RUNNING");
            console.awaitOutput("deployment " + id + " qwen3-14b: DEPLOYING → RUNNING", mark + deploying.length());
            console.type("/watches\r");
            console.awaitOutput("0 watches", mark);
        }
    }

    @Test
    void ctrlC_duringWait_stopsTheWaitNotTheConsole() throws Exception {
        String id = sandbox.activeImport();
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.type("/wait " + id + "\r");
            console.awaitOutput("(Ctrl-C stops)", 0);
            int mark = console.mark();

            console.type("\u0003");

            console.awaitOutput("nterrupted", mark);
            console.type("/exit 3\r");
            assertThat(console.exitStatus()).isEqualTo(3);
        }
    }

    @Test
    void ctrlC_duringASlowCall_givesTheConsoleBack() throws Exception {
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            sandbox.sandbox.faults(new Faults(60_000, 0, 0, 0));
            try {
                console.type("/imports --size 7\r");
                console.awaitOutput("(Ctrl-C stops)", 0);
                int mark = console.mark();

                console.type("\u0003");

                console.awaitOutput(Repl.PROMPT, mark);
            } finally {
                sandbox.sandbox.faults(Faults.NONE);
            }
            console.type("/exit 5\r");
            assertThat(console.exitStatus()).isEqualTo(5);
        }
    }

    @Test
    void ctrlD_atThePrompt_endsTheConsoleWithStatusZero() throws Exception {
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.type("\u0004");

            assertThat(console.exitStatus()).isZero();
        }
    }

    @Test
    void history_keptInHomeDirectory_isShownByTheNextSession() throws Exception {
        try (TerminalDriver first = new TerminalDriver(sandbox.env(), home)) {
            first.type("/watches\r");
            first.type("/exit\r");
            first.exitStatus();
        }
        try (TerminalDriver second = new TerminalDriver(sandbox.env(), home)) {
            int mark = second.mark();

            second.type("/history\r");

            second.awaitOutput("/watches", mark + "/history".length());
        }
    }

    @Test
    void statuses_onAColourTerminal_areColoured() throws Exception {
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.type("/finetunes --size 30\r");

            console.awaitOutput("\033[33mRUNNING", 0);
        }
    }

    @Test
    void statuses_withNoColor_areNotColoured() throws Exception {
        try (TerminalDriver console = new TerminalDriver(sandbox.env("NO_COLOR", "1"), home)) {
            console.type("/finetunes --size 30\r");

            String out = console.awaitOutput("page 1 of", 0);
            assertThat(out).contains("RUNNING").doesNotContain("\033[33mRUNNING", "\033[32m", "\033[31m");
        }
    }

    @Test
    void confirm_answeredNo_changesNothing() throws Exception {
        String id = sandbox.activeImport();
        sandbox.sandbox.forceStatus(id, "FAILED");
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.type("/import delete " + id + "\r");
            console.awaitOutput("[y/N]", 0);
            int mark = console.mark();

            console.type("n\r");

            console.awaitOutput("Not confirmed", mark);
        }
        assertThat(sandbox.importExists(id)).isTrue();
    }

    @Test
    void confirm_answeredYes_runsTheCommand() throws Exception {
        String id = sandbox.activeImport();
        sandbox.sandbox.forceStatus(id, "SUCCESSED");
        try (TerminalDriver console = new TerminalDriver(sandbox.env(), home)) {
            console.type("/import delete " + id + "\r");
            console.awaitOutput("[y/N]", 0);
            int mark = console.mark();

            console.type("y\r");

            console.awaitOutput(Repl.PROMPT, mark);
        }
        assertThat(sandbox.importExists(id)).isFalse();
    }
}
