package dev.mstudio.bench;

import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.IndexEntry;
import dev.mstudio.paging.JobIndex;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    @Param({"10000", "100000"})
    public int size;

    private JobIndex index;
    private String[] importPrefixes;
    private String[] fineTunePrefixes;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        Random random = new Random(42);
        index = new JobIndex(size);
        String[] importIds = new String[size / 2];
        String[] fineTuneIds = new String[size - size / 2];
        for (int i = 0; i < importIds.length; i++) {
            importIds[i] = new UUID(random.nextLong(), random.nextLong()).toString();
            index.record(importJob(importIds[i]));
        }
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < fineTuneIds.length; i++) {
            String minute = start.plusMinutes(random.nextInt(60 * 24 * 365)).format(MINUTE);
            fineTuneIds[i] = String.format("ft-%s-%04x", minute, random.nextInt(0x10000));
            index.record(fineTune(fineTuneIds[i]));
        }
        importPrefixes = prefixes(importIds, random);
        fineTunePrefixes = prefixes(fineTuneIds, random);
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

    /** Prefixes of 2, 3 or 4 characters cut from IDs that exist, so every lookup finds something. */
    private static String[] prefixes(String[] ids, Random random) {
        String[] prefixes = new String[PREFIXES];
        for (int i = 0; i < PREFIXES; i++) {
            prefixes[i] = ids[random.nextInt(ids.length)].substring(0, 2 + random.nextInt(3));
        }
        return prefixes;
    }

    private static ImportJob importJob(String id) {
        return new ImportJob(id, "qwen3-32b-" + id.substring(0, 8), "import " + id.substring(0, 8), "SUCCESSED",
                "OSS", null, null, null, "2024-01-01T12:00:00.000+00:00", null);
    }

    private static FineTuneJob fineTune(String id) {
        return new FineTuneJob(id, "job-" + id, "RUNNING", null, "qwen3-14b", "qwen3-14b", List.of("file-1"),
                List.of(), null, "sft", "2024-10-29 16:53:53", null, null, null, null, null, null, null, null, null,
                null);
    }
}
