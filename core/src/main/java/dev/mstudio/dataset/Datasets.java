package dev.mstudio.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks fine-tuning data before anything is uploaded: each file is read once, streaming, one JSON
 * object per line, in the shape its training type needs (chat {@code messages} with a user and an
 * assistant turn for sft and efficient_sft; {@code chosen} and {@code rejected} for dpo_full and
 * dpo_lora; {@code text} for cpt), with more samples than the batch size and at most 1 GB.
 */
public final class Datasets {
    /** Problems reported one by one; beyond this they are only counted. */
    public static final int MAX_REPORTED = 10;
    public static final long MAX_BYTES = 1L << 30;
    /** A longer line is not read as JSON (it is reported as too long). */
    public static final int MAX_LINE_CHARS = 8 << 20;
    public static final Set<String> TYPES = Set.of("sft", "efficient_sft", "cpt", "dpo_full", "dpo_lora");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {
    }

    /**
     * Checks one file for {@code trainingType} (null: sft); {@code batchSize} (null: none) is
     * what the sample count must exceed.
     */
    public static DatasetReport check(Path path, String trainingType, Integer batchSize) throws IOException {
        String type = trainingType == null ? "sft" : trainingType.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown training type " + trainingType);
        }
        Collector out = new Collector(path.getFileName().toString());
        long bytes = Files.size(path);
        if (bytes > MAX_BYTES) {
            out.add(0, "is " + bytes + " bytes; a file may be at most 1 GB");
            return out.report(path, bytes);
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    checkLine(out, number, line, type);
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            out.add(0, "is not UTF-8 text");
        }
        if (out.samples == 0) {
            out.add(0, "has no samples");
        } else if (batchSize != null && out.samples <= batchSize) {
            out.add(0, "has " + out.samples + " samples; it needs more than the batch size (" + batchSize + ")");
        }
        return out.report(path, bytes);
    }

    private static void checkLine(Collector out, long number, String line, String type) {
        if (line.length() > MAX_LINE_CHARS) {
            out.add(number, "the line is longer than " + MAX_LINE_CHARS + " characters");
            return;
        }
        JsonNode sample;
        try {
            sample = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            out.add(number, "not valid JSON");
            return;
        }
        if (sample == null || !sample.isObject()) {
            out.add(number, "not a JSON object");
            return;
        }
        String wrong = switch (type) {
            case "cpt" -> Shapes.text(sample);
            case "dpo_full", "dpo_lora" -> Shapes.preference(sample);
            default -> Shapes.chat(sample);
        };
        if (wrong != null) {
            out.add(number, wrong);
            return;
        }
        out.samples++;
        out.chars += Shapes.contentChars(sample);
    }

    /** Problems and counts of one file as it is read. */
    private static final class Collector {
        private final String file;
        private final List<Problem> problems = new ArrayList<>();
        private long problemCount;
        private long samples;
        private long chars;

        Collector(String file) {
            this.file = file;
        }

        void add(long line, String what) {
            problemCount++;
            if (problems.size() < MAX_REPORTED) {
                problems.add(new Problem(file, line, what));
            }
        }

        DatasetReport report(Path path, long bytes) {
            return new DatasetReport(path, samples, (chars + 3) / 4, bytes, problems, problemCount);
        }
    }
}
