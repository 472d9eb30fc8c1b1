package dev.seqmind.data.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Events as they arrive, in column chunks (64k rows each, so growing never copies), turned into a
 * {@link SequenceDataset}'s CSR arrays by one counting pass and one scatter pass. The scatter keeps arrival order
 * within each user, so only users whose events arrived out of time order need a (stable) sort; chunks are released
 * as soon as they are scattered, which keeps the peak near input + output columns. Not thread-safe; single use.
 */
public final class EventColumns {
    private static final int SHIFT = 16;
    private static final int CHUNK = 1 << SHIFT;

    private final boolean withSources;
    private final List<int[]> users = new ArrayList<>();
    private final List<int[]> items = new ArrayList<>();
    private final List<long[]> times = new ArrayList<>();
    private final List<byte[]> actions = new ArrayList<>();
    private final List<long[]> sources = new ArrayList<>();
    private int[] u;
    private int[] it;
    private long[] tm;
    private byte[] ac;
    private long[] src;
    private int pos = CHUNK;
    private long size;

    /** @param withSources keep a {@code long} per event saying where it came from (see {@link Csr#sources()}) */
    public EventColumns(boolean withSources) {
        this.withSources = withSources;
    }

    public void add(int user, int item, int action, long time, long source) {
        if (pos == CHUNK) {
            newChunk();
        }
        u[pos] = user;
        it[pos] = item;
        tm[pos] = time;
        ac[pos] = (byte) action;
        if (withSources) {
            src[pos] = source;
        }
        pos++;
        size++;
    }

    private void newChunk() {
        if (size + CHUNK > Integer.MAX_VALUE - 8) {
            throw new dev.seqmind.data.error.SeqmindException("more than " + size
                    + " events do not fit one dataset; split the input");
        }
        users.add(u = new int[CHUNK]);
        items.add(it = new int[CHUNK]);
        times.add(tm = new long[CHUNK]);
        actions.add(ac = new byte[CHUNK]);
        if (withSources) {
            sources.add(src = new long[CHUNK]);
        }
        pos = 0;
    }

    public int size() {
        return (int) size;
    }

    /**
     * The CSR arrays for users {@code 0..numUsers-1}: grouped by user, each user's events in time order, ties in
     * arrival order. Releases the chunks; call once.
     */
    public Csr toCsr(int numUsers) {
        int n = (int) size;
        int[] offsets = new int[numUsers + 1];
        for (int c = 0; c < users.size(); c++) {
            int[] uc = users.get(c);
            int len = chunkLength(c);
            for (int i = 0; i < len; i++) {
                offsets[uc[i] + 1]++;
            }
        }
        for (int x = 0; x < numUsers; x++) {
            offsets[x + 1] += offsets[x];
        }
        // One column at a time, each input chunk released once scattered: the peak is the input plus the largest
        // output column, not the input plus the whole output.
        int[] outItems = scatterInts(items, new int[n], offsets);
        long[] outTimes = scatterLongs(times, new long[n], offsets);
        byte[] outActions = scatterBytes(actions, new byte[n], offsets);
        long[] outSources = withSources ? scatterLongs(sources, new long[n], offsets) : null;
        users.clear();
        sortUnorderedUsers(offsets, outItems, outTimes, outActions, outSources);
        return new Csr(offsets, outItems, outTimes, outActions, outSources);
    }

    private int[] scatterInts(List<int[]> column, int[] out, int[] offsets) {
        int[] cursor = java.util.Arrays.copyOf(offsets, offsets.length - 1);
        for (int c = 0; c < users.size(); c++) {
            int[] uc = users.get(c);
            int[] src = column.set(c, null);
            for (int i = 0, len = chunkLength(c); i < len; i++) {
                out[cursor[uc[i]]++] = src[i];
            }
        }
        return out;
    }

    private long[] scatterLongs(List<long[]> column, long[] out, int[] offsets) {
        int[] cursor = java.util.Arrays.copyOf(offsets, offsets.length - 1);
        for (int c = 0; c < users.size(); c++) {
            int[] uc = users.get(c);
            long[] src = column.set(c, null);
            for (int i = 0, len = chunkLength(c); i < len; i++) {
                out[cursor[uc[i]]++] = src[i];
            }
        }
        return out;
    }

    private byte[] scatterBytes(List<byte[]> column, byte[] out, int[] offsets) {
        int[] cursor = java.util.Arrays.copyOf(offsets, offsets.length - 1);
        for (int c = 0; c < users.size(); c++) {
            int[] uc = users.get(c);
            byte[] src = column.set(c, null);
            for (int i = 0, len = chunkLength(c); i < len; i++) {
                out[cursor[uc[i]]++] = src[i];
            }
        }
        return out;
    }

    private int chunkLength(int c) {
        return c == users.size() - 1 ? pos : CHUNK;
    }

    private static void sortUnorderedUsers(int[] offsets, int[] items, long[] times, byte[] actions, long[] sources) {
        int[] idx = new int[0];
        int[] scratch = new int[0];
        int[] tmpItems = new int[0];
        long[] tmpTimes = new long[0];
        byte[] tmpActions = new byte[0];
        long[] tmpSources = new long[0];
        for (int x = 0; x + 1 < offsets.length; x++) {
            int from = offsets[x];
            int to = offsets[x + 1];
            if (isSorted(times, from, to)) {
                continue;
            }
            int len = to - from;
            if (idx.length < len) {
                idx = new int[len];
                scratch = new int[len];
                tmpItems = new int[len];
                tmpTimes = new long[len];
                tmpActions = new byte[len];
                tmpSources = new long[len];
            }
            for (int i = 0; i < len; i++) {
                idx[i] = from + i;
            }
            StableTimeSort.sort(idx, 0, len, times, scratch);
            for (int i = 0; i < len; i++) {
                tmpItems[i] = items[idx[i]];
                tmpTimes[i] = times[idx[i]];
                tmpActions[i] = actions[idx[i]];
                if (sources != null) {
                    tmpSources[i] = sources[idx[i]];
                }
            }
            System.arraycopy(tmpItems, 0, items, from, len);
            System.arraycopy(tmpTimes, 0, times, from, len);
            System.arraycopy(tmpActions, 0, actions, from, len);
            if (sources != null) {
                System.arraycopy(tmpSources, 0, sources, from, len);
            }
        }
    }

    private static boolean isSorted(long[] times, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (times[i] < times[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * CSR arrays: user {@code x}'s events are {@code [offsets[x], offsets[x+1])}.
     *
     * @param sources where each event came from, or null when not kept
     */
    public record Csr(int[] offsets, int[] items, long[] times, byte[] actions, long[] sources) {
    }
}
