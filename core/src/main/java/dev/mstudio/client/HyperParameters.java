package dev.mstudio.client;

/** Fine-tune hyper-parameters; every field optional. learning_rate is a string on the wire ("1.6e-5"). */
public record HyperParameters(
        Integer nEpochs,
        Integer batchSize,
        Integer maxLength,
        String learningRate,
        String lrSchedulerType,
        Double split) {

    public static HyperParameters none() {
        return new HyperParameters(null, null, null, null, null, null);
    }
}
