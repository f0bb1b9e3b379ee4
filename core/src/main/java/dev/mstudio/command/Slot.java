package dev.mstudio.command;

import dev.mstudio.client.JobKind;

/**
 * What kind of value an option or positional takes, for completion: a job ID of a kind (null kind:
 * either), a status of a kind, a model name, or one of a fixed set.
 */
record Slot(Type type, JobKind kind) {

    enum Type { JOB_ID, WATCHED_ID, STATUS, MODEL, WEIGHT, REGION, OUTPUT, COMMAND, FILE, NUMBER, DURATION, TEXT, KIND,
        /** An uploaded file's ID. */ FILE_ID, /** A local path or an uploaded file's ID. */ DATA,
        /** A deployed model. */ DEPLOYMENT, /** A checkpoint of the fine-tune job named before. */ CHECKPOINT,
        TRAINING_TYPE, PLAN }

    static final Slot TEXT = of(Type.TEXT);
    static final Slot NUMBER = of(Type.NUMBER);

    static Slot of(Type type) {
        return new Slot(type, null);
    }

    static Slot jobId(JobKind kindOrNull) {
        return new Slot(Type.JOB_ID, kindOrNull);
    }

    static Slot status(JobKind kind) {
        return new Slot(Type.STATUS, kind);
    }

    static Slot model(JobKind kindOrNull) {
        return new Slot(Type.MODEL, kindOrNull);
    }
}
