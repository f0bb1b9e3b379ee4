package dev.mstudio.bench;

import dev.mstudio.client.JobKind;
import dev.mstudio.paging.IndexEntry;
import dev.mstudio.paging.JobIndex;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Job-ID completion as Tab sees it: {@link JobIndex#complete} with a 2-4 character prefix and a
 * limit of 20, over an index holding {@code size} IDs, half UUID-like import IDs and half
 * {@code ft-yyyyMMddHHmm-xxxx} fine-tune IDs. The target is well under a millisecond.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CompletionBench {
    private static final int LIMIT = 20;
    private static final int PREFIXES = 1024;

    @Param({"10000", "100000"})
    public int size;

    private JobIndex index;
    private String[] importPrefixes;
    private String[] fineTunePrefixes;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        SyntheticJobs jobs = new SyntheticJobs(42);
        index = new JobIndex(size);
        String[] importIds = jobs.imports(size / 2, index::record);
        String[] fineTuneIds = jobs.fineTunes(size - size / 2, index::record);
        importPrefixes = jobs.prefixes(importIds, PREFIXES);
        fineTunePrefixes = jobs.prefixes(fineTuneIds, PREFIXES);
    }

    /** Completing "/import ID" with part of a UUID typed. */
    @Benchmark
    public List<IndexEntry> completeImport() {
        return index.complete(JobKind.IMPORT, importPrefixes[advance()], LIMIT);
    }

    /** Completing "/finetune ID": "ft", "ft-", "ft-2" match nearly everything, so this measures the limit. */
    @Benchmark
    public List<IndexEntry> completeFineTune() {
        return index.complete(JobKind.FINETUNE, fineTunePrefixes[advance()], LIMIT);
    }

    /** Completing "/watch ID", which takes either kind: both kinds merged. */
    @Benchmark
    public List<IndexEntry> completeEitherKind() {
        int i = advance();
        String prefix = (i & 1) == 0 ? importPrefixes[i] : fineTunePrefixes[i];
        return index.complete(null, prefix, LIMIT);
    }

    private int advance() {
        next = (next + 1) & (PREFIXES - 1);
        return next;
    }
}
