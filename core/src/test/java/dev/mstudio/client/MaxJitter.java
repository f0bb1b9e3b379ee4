package dev.mstudio.client;

import java.util.random.RandomGenerator;

/** A "random" source that always picks the top of the range, so full-jitter waits are predictable. */
final class MaxJitter implements RandomGenerator {
    @Override
    public long nextLong() {
        return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long origin, long bound) {
        return bound - 1;
    }
}
