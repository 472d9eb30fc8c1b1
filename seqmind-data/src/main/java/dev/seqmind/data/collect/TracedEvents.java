package dev.seqmind.data.collect;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset during ingest: the events plus, for each, the file and line it came from, so that cleaning steps can
 * name examples of what they drop. {@code sources[i]} packs the file index (high bits) and the 1-based line;
 * {@code sources} is null when the ingest has no cleaning step (then nothing asks).
 */
public record TracedEvents(SequenceDataset data, long[] sources, List<String> files) {
    public TracedEvents {
        if (sources != null && sources.length != data.numInteractions()) {
            throw new IllegalArgumentException(sources.length + " sources for " + data.numInteractions() + " events");
        }
        files = List.copyOf(files);
    }

    /** {@code file:line} of event {@code index}. */
    public String where(int index) {
        if (sources == null) {
            return "<event " + index + ">";
        }
        long s = sources[index];
        int f = (int) (s >>> 40);
        String name = f >= 0 && f < files.size() ? files.get(f) : "<generated>";
        return name + ":" + (s & ((1L << 40) - 1));
    }

    /**
     * {@code file:line} of the (at most {@code max}) events earliest in the input among those whose
     * {@code reason[i] == wanted}: cleaning reports name the first examples in file order, not in user order.
     */
    public List<String> firstInInput(byte[] reason, byte wanted, int max) {
        long[] best = new long[max];
        int[] bestIndex = new int[max];
        int n = 0;
        for (int i = 0; i < reason.length; i++) {
            if (reason[i] != wanted) {
                continue;
            }
            long key = sources == null ? i : sources[i];
            if (n == max && key >= best[n - 1]) {
                continue;
            }
            int k = n < max ? n++ : n - 1;
            while (k > 0 && best[k - 1] > key) { // insertion into the small sorted array
                best[k] = best[k - 1];
                bestIndex[k] = bestIndex[k - 1];
                k--;
            }
            best[k] = key;
            bestIndex[k] = i;
        }
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(where(bestIndex[k]));
        }
        return out;
    }

    public TracedEvents withData(SequenceDataset newData) {
        return new TracedEvents(newData, sources, files);
    }

    /**
     * Keeps the events with {@code keep[i]}; users, items and actions left without events disappear and the rest
     * are renumbered densely in their old order.
     */
    public TracedEvents filter(boolean[] keep) {
        SequenceDataset d = data;
        int n = d.numInteractions();
        boolean[] userUsed = new boolean[d.numUsers()];
        boolean[] itemUsed = new boolean[d.numItems()];
        boolean[] actionUsed = new boolean[d.actions().size()];
        int kept = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            for (int i = d.start(u); i < d.end(u); i++) {
                if (keep[i]) {
                    userUsed[u] = true;
                    itemUsed[d.item(i)] = true;
                    actionUsed[d.action(i)] = true;
                    kept++;
                }
            }
        }
        int[] itemRemap = remap(itemUsed);
        int[] actionRemap = remap(actionUsed);
        IdMap users = d.users().retain(userUsed);
        int[] offsets = new int[users.size() + 1];
        int[] items = new int[kept];
        long[] times = new long[kept];
        byte[] actions = new byte[kept];
        long[] src = sources == null ? null : new long[kept];
        int k = 0;
        int nu = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            if (!userUsed[u]) {
                continue;
            }
            for (int i = d.start(u); i < d.end(u); i++) {
                if (keep[i]) {
                    items[k] = itemRemap[d.item(i)];
                    times[k] = d.time(i);
                    actions[k] = (byte) actionRemap[d.action(i)];
                    if (src != null) {
                        src[k] = sources[i];
                    }
                    k++;
                }
            }
            offsets[++nu] = k;
        }
        assert k == kept && n >= kept;
        SequenceDataset out = new SequenceDataset(users, d.items().retain(itemUsed), d.actions().retain(actionUsed),
                offsets, items, times, actions, d.catalog(), d.info());
        return new TracedEvents(out, src, files);
    }

    private static int[] remap(boolean[] used) {
        int[] map = new int[used.length];
        int next = 0;
        for (int i = 0; i < used.length; i++) {
            map[i] = used[i] ? next++ : -1;
        }
        return map;
    }
}
