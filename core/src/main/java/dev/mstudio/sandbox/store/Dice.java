package dev.mstudio.sandbox.store;

import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The sandbox's single source of randomness, shared safely between request threads. */
public final class Dice {

    private static final String HEX = "0123456789abcdef";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final RandomGenerator random;

    public Dice(RandomGenerator random) {
        this.random = random;
    }

    synchronized double nextDouble() {
        return random.nextDouble();
    }

    synchronized long nextLong() {
        return random.nextLong();
    }

    /** A uniformly chosen integer in {@code [0, bound)}. */
    synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniformly chosen value in {@code [low, high]}. */
    synchronized long between(long low, long high) {
        return high <= low ? low : random.nextLong(low, high + 1);
    }

    public synchronized boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    String hex(int length) {
        return chars(HEX, length);
    }

    public String alnum(int length) {
        return chars(ALNUM, length);
    }

    synchronized String digits(int length) {
        StringBuilder out = new StringBuilder(length).append((char) ('1' + random.nextInt(9)));
        while (out.length() < length) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A random (version 4) UUID drawn from this generator, so seeded sandboxes repeat. */
    public synchronized String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private synchronized String chars(String alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
