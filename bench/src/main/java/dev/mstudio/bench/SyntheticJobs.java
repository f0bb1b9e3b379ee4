package dev.mstudio.bench;

import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/** Realistic-looking jobs for completion benchmarks: UUID import IDs and ft-yyyyMMddHHmm-xxxx fine-tune IDs. */
final class SyntheticJobs {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final String[] STATUSES = {"PENDING", "RUNNING", "SUCCESSED", "FAILED"};

    private final Random random;

    SyntheticJobs(long seed) {
        random = new Random(seed);
    }

    /** Offers {@code count} import jobs to {@code sink} and returns their IDs. */
    String[] imports(int count, Consumer<Job> sink) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
            sink.accept(new ImportJob(ids[i], "qwen3-32b-" + ids[i].substring(0, 8), "import " + ids[i].substring(0, 8),
                    STATUSES[random.nextInt(STATUSES.length)], "OSS", null, null, null,
                    "2024-01-01T12:00:00.000+00:00", null));
        }
        return ids;
    }

    /** Offers {@code count} fine-tune jobs to {@code sink} and returns their IDs. */
    String[] fineTunes(int count, Consumer<Job> sink) {
        String[] ids = new String[count];
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < count; i++) {
            String minute = start.plusMinutes(random.nextInt(60 * 24 * 365)).format(MINUTE);
            ids[i] = String.format("ft-%s-%04x", minute, random.nextInt(0x10000));
            sink.accept(new FineTuneJob(ids[i], ids[i], "RUNNING", null, "qwen3-14b", "qwen3-14b", List.of("file-1"),
                    List.of(), null, "sft", "2024-10-29 16:53:53", null, null, null, null, null, null, null, null,
                    null, null));
        }
        return ids;
    }

    /** {@code count} prefixes of 2, 3 or 4 characters cut from IDs that exist, so every lookup finds something. */
    String[] prefixes(String[] ids, int count) {
        String[] prefixes = new String[count];
        for (int i = 0; i < count; i++) {
            prefixes[i] = ids[random.nextInt(ids.length)].substring(0, 2 + random.nextInt(3));
        }
        return prefixes;
    }
}
