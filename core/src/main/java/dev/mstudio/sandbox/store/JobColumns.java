package dev.mstudio.sandbox.store;

import java.util.Arrays;
import java.util.List;

/**
 * Jobs sorted by creation time (ties in insertion order), with their lifecycle times copied
 * into primitive arrays. A status filter then reads three arrays front to back instead of
 * chasing two objects per job, which keeps a scan of 100,000 jobs in cache and cheap.
 * Not thread-safe: {@link JobStore} guards it.
 */
final class JobColumns<J extends StoredJob> {

    private static final byte SUCCEEDS = 1;
    private static final byte FORCED = 2;

    private Object[] jobs;
    private long[] created;
    private long[] queues;
    private long[] starts;
    private long[] ends;
    private byte[] flags;
    private int size;

    JobColumns(int capacity) {
        int n = Math.max(16, capacity);
        jobs = new Object[n];
        created = new long[n];
        queues = new long[n];
        starts = new long[n];
        ends = new long[n];
        flags = new byte[n];
    }

    int size() {
        return size;
    }

    /** How many jobs were created at or before {@code now}: they come first. */
    int createdBy(long now) {
        return upperBound(now);
    }

    @SuppressWarnings("unchecked")
    J job(int i) {
        return (J) jobs[i];
    }

    void insert(J job) {
        grow(size + 1);
        int at = upperBound(job.createdMs());
        int tail = size - at;
        System.arraycopy(jobs, at, jobs, at + 1, tail);
        System.arraycopy(created, at, created, at + 1, tail);
        System.arraycopy(queues, at, queues, at + 1, tail);
        System.arraycopy(starts, at, starts, at + 1, tail);
        System.arraycopy(ends, at, ends, at + 1, tail);
        System.arraycopy(flags, at, flags, at + 1, tail);
        set(at, job);
        size++;
    }

    void remove(J job) {
        int at = indexOf(job);
        int tail = size - at - 1;
        System.arraycopy(jobs, at + 1, jobs, at, tail);
        System.arraycopy(created, at + 1, created, at, tail);
        System.arraycopy(queues, at + 1, queues, at, tail);
        System.arraycopy(starts, at + 1, starts, at, tail);
        System.arraycopy(ends, at + 1, ends, at, tail);
        System.arraycopy(flags, at + 1, flags, at, tail);
        jobs[--size] = null;
    }

    /** Records that a job's status was forced, so scans ask the job itself from now on. */
    void markForced(J job) {
        flags[indexOf(job)] |= FORCED;
    }

    /** New columns holding this store's jobs and {@code fresh} (sorted by creation time), merged. */
    JobColumns<J> merge(List<J> fresh) {
        JobColumns<J> out = new JobColumns<>(size + fresh.size() + 16);
        int i = 0;
        int j = 0;
        while (i < size || j < fresh.size()) {
            boolean takeOld = j == fresh.size() || (i < size && created[i] <= fresh.get(j).createdMs());
            if (takeOld) {
                out.jobs[out.size] = jobs[i];
                out.created[out.size] = created[i];
                out.queues[out.size] = queues[i];
                out.starts[out.size] = starts[i];
                out.ends[out.size] = ends[i];
                out.flags[out.size] = flags[i++];
                out.size++;
            } else {
                out.set(out.size++, fresh.get(j++));
            }
        }
        return out;
    }

    /**
     * Whether job {@code i} has {@code status} at {@code now}; {@code phase} is the status's
     * {@link Lifecycle} phase, or -1 for a status only a forced job can have.
     */
    boolean hasStatus(int i, String status, int phase, long now) {
        if ((flags[i] & FORCED) != 0) {
            return job(i).status(now).equalsIgnoreCase(status);
        }
        return phase >= 0 && Lifecycle.phase(now, queues[i], starts[i], ends[i], (flags[i] & SUCCEEDS) != 0) == phase;
    }

    private void set(int at, J job) {
        Lifecycle life = job.lifecycle();
        jobs[at] = job;
        created[at] = life.createdMs();
        queues[at] = life.queueMs();
        starts[at] = life.startMs();
        ends[at] = life.endMs();
        flags[at] = (byte) ((life.succeeds() ? SUCCEEDS : 0) | (life.forced() != null ? FORCED : 0));
    }

    private void grow(int needed) {
        if (needed <= jobs.length) {
            return;
        }
        int capacity = Math.max(needed, jobs.length + (jobs.length >> 1));
        jobs = Arrays.copyOf(jobs, capacity);
        created = Arrays.copyOf(created, capacity);
        queues = Arrays.copyOf(queues, capacity);
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    private int upperBound(long createdMs) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (created[mid] <= createdMs) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int indexOf(J job) {
        for (int i = upperBound(job.createdMs()) - 1; i >= 0; i--) {
            if (jobs[i] == job) {
                return i;
            }
        }
        throw new IllegalStateException("job index out of sync: " + job.id());
    }
}
