package dev.mstudio.bench;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.command.Candidate;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Session;
import dev.mstudio.paging.Jobs;
import dev.mstudio.watch.Watchers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Tab costs in the REPL: the whole {@link CommandLanguage#complete} path (parse the line, find
 * the slot, look job IDs up in the index, describe each candidate) with {@code size} jobs indexed.
 * The client points at a closed port: completion must never touch the network. Goal: under 5 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TabCompletionBench {
    private static final int LINES = 1024;

    @Param({"10000"})
    public int size;

    private DashScopeClient client;
    private Jobs jobs;
    private Watchers watchers;
    private Session session;
    private CommandLanguage language;
    private String[] importLines;
    private String[] fineTuneLines;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        client = DashScopeClient.builder().config(ClientConfig.of("http://127.0.0.1:9/api/v1", "bench")).build();
        jobs = Jobs.builder(client).build();
        watchers = Watchers.builder(client).build();
        session = Session.builder(jobs, watchers).host(result -> { }).build();
        language = CommandLanguage.standard();
        SyntheticJobs synthetic = new SyntheticJobs(7);
        String[] imports = synthetic.imports(size / 2, jobs.index()::record);
        String[] fineTunes = synthetic.fineTunes(size - size / 2, jobs.index()::record);
        importLines = lines("/import ", synthetic.prefixes(imports, LINES));
        fineTuneLines = lines("/finetune logs ", synthetic.prefixes(fineTunes, LINES));
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
        watchers.close();
        jobs.close();
        client.close();
    }

    /** "/import 8c1" + Tab. */
    @Benchmark
    public List<Candidate> tabAfterImport() {
        String line = importLines[advance()];
        return language.complete(session, line, line.length());
    }

    /** "/finetune logs ft-2" + Tab: short fine-tune prefixes match thousands of IDs. */
    @Benchmark
    public List<Candidate> tabAfterFinetuneLogs() {
        String line = fineTuneLines[advance()];
        return language.complete(session, line, line.length());
    }

    /** "/imp" + Tab: command names only. */
    @Benchmark
    public List<Candidate> tabOnCommandName() {
        return language.complete(session, "/imp", 4);
    }

    private int advance() {
        next = (next + 1) & (LINES - 1);
        return next;
    }

    private static String[] lines(String command, String[] prefixes) {
        String[] lines = new String[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            lines[i] = command + prefixes[i];
        }
        return lines;
    }
}
