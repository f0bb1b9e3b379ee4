package dev.mstudio.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a fine-tune log into a {@link TrainingCurve}. Understands the service's semi-structured
 * lines ({@code {'train_loss': 0.913, 'epoch': 0.85, 'step': 40}}, {@code {'eval_loss': ...}},
 * {@code ##FT_COMPLETE##}) and the sandbox's ({@code Epoch 3/3 step 50/72 loss 0.7445 lr 1.2e-05},
 * {@code Epoch 1/3 done: train_loss 0.9, valid_loss 0.95}). Any other line is skipped, never fatal;
 * a value that is not a number ({@code nan}) is kept as NaN.
 */
public final class TrainingLogParser {
    private static final String NUMBER = "([-+]?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?|nan|NaN|inf|-inf))";
    private static final Pattern DICT = Pattern.compile("\\{[^{}]*}");
    private static final Pattern ENTRY = Pattern.compile("['\"]([a-z_]+)['\"]\\s*:\\s*" + NUMBER);
    private static final Pattern STEP_LINE = Pattern.compile("Epoch (\\d+)/(\\d+) step (\\d+)/(\\d+) loss " + NUMBER
            + "(?: lr " + NUMBER + ")?");
    private static final Pattern EPOCH_DONE = Pattern.compile("Epoch (\\d+)/(\\d+) done: train_loss " + NUMBER
            + ", valid_loss " + NUMBER);
    private static final String COMPLETE = "##FT_COMPLETE##";
    /** The longest line read; longer ones are skipped (a log line is a few hundred characters). */
    private static final int MAX_LINE = 10_000;

    private TrainingLogParser() {
    }

    public static TrainingCurve parse(List<String> lines) {
        Map<Integer, TrainingPoint> byStep = new TreeMap<>();
        boolean complete = false;
        int lastStep = 0;
        for (String line : lines) {
            if (line == null || line.length() > MAX_LINE) {
                continue;
            }
            if (line.contains(COMPLETE)) {
                complete = true;
                continue;
            }
            TrainingPoint point = point(line, lastStep);
            if (point != null) {
                byStep.merge(point.step(), point, TrainingPoint::merge);
                lastStep = Math.max(lastStep, point.step());
            }
        }
        return new TrainingCurve(new ArrayList<>(byStep.values()), complete);
    }

    /** The point a line gives, or null; an evaluation without a step belongs to the last step seen. */
    private static TrainingPoint point(String line, int lastStep) {
        Matcher dict = DICT.matcher(line);
        if (dict.find()) {
            return fromDict(dict.group(), lastStep);
        }
        Matcher step = STEP_LINE.matcher(line);
        if (step.find()) {
            double epoch = Integer.parseInt(step.group(1)) - 1 + (double) stepInEpoch(step) / stepsPerEpoch(step);
            return new TrainingPoint(Integer.parseInt(step.group(3)), epoch, number(step.group(5)), null,
                    step.group(6) == null ? null : number(step.group(6)));
        }
        Matcher done = EPOCH_DONE.matcher(line);
        if (done.find()) {
            return new TrainingPoint(lastStep, Double.valueOf(done.group(1)), number(done.group(3)),
                    number(done.group(4)), null);
        }
        return null;
    }

    private static int stepsPerEpoch(Matcher step) {
        return Math.max(1, Integer.parseInt(step.group(4)) / Math.max(1, Integer.parseInt(step.group(2))));
    }

    private static int stepInEpoch(Matcher step) {
        int perEpoch = stepsPerEpoch(step);
        int inEpoch = Integer.parseInt(step.group(3)) - (Integer.parseInt(step.group(1)) - 1) * perEpoch;
        return Math.max(0, Math.min(perEpoch, inEpoch));
    }

    private static TrainingPoint fromDict(String dict, int lastStep) {
        Map<String, Double> values = new TreeMap<>();
        Matcher entry = ENTRY.matcher(dict);
        while (entry.find()) {
            values.put(entry.group(1), number(entry.group(2)));
        }
        Double train = first(values, "train_loss", "loss");
        Double eval = first(values, "eval_loss", "valid_loss", "validation_loss");
        if (train == null && eval == null) {
            return null;
        }
        Double step = values.get("step");
        int at = step == null || step.isNaN() ? lastStep : (int) Math.round(step);
        return new TrainingPoint(at, values.get("epoch"), train, eval, first(values, "learning_rate", "lr"));
    }

    private static Double first(Map<String, Double> values, String... keys) {
        for (String key : keys) {
            if (values.containsKey(key)) {
                return values.get(key);
            }
        }
        return null;
    }

    private static Double number(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.valueOf(text);
    }
}
