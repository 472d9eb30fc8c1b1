package dev.seqmind.mining.sequence;

import dev.seqmind.mining.SequenceDatabase;

import java.util.Arrays;

/**
 * The internal encoding every sequence search runs on. Items supported by fewer than {@code minSupport} sequences and
 * excluded items are dropped; the rest are renumbered by rank (0 = supported by most sequences, ties by dense id),
 * so count arrays are dense and small. Sequences left empty are dropped.
 *
 * <p>Element codes: {@code code = rank}, with bit 31 set ({@link #NEW_ITEMSET}) on the first element of every itemset.
 * Inside an itemset, ranks ascend. Example: ranks {@code a=0, b=1, c=2} and the sequence {@code <(a c)(b)>} become
 * codes {@code [0|NEW, 2, 1|NEW]}. {@code itemsetIndex} and {@code time} are the original positions and times of
 * each element (kept only when {@code withPositions}).
 *
 * <p>Immutable after construction and shared read-only by all worker threads.
 */
final class RankedDatabase {
    static final int NEW_ITEMSET = 0x8000_0000;
    static final int RANK_MASK = 0x7FFF_FFFF;

    final int numSequences;
    final int[] starts;
    final int[] codes;
    final int[] itemsetIndex;
    final long[] time;
    /** Dense item id of each rank. */
    final int[] itemOfRank;
    /** Number of sequences containing each rank. */
    final int[] supportOfRank;
    /** Rank of each dense item id, or -1 when the item was dropped. */
    final int[] rankOfItem;
    final boolean singletonItemsets;
    final int originalSequences;
    /**
     * For plain item sequences over at most 64 ranks: bit {@code r} of {@code suffixMask[e]} is set when rank {@code r}
     * occurs at element {@code e} or later in its sequence; {@code null} otherwise.
     */
    final long[] suffixMask;

    private RankedDatabase(int[] starts, int[] codes, int[] itemsetIndex, long[] time, int[] itemOfRank,
                           int[] supportOfRank, int[] rankOfItem, boolean singletonItemsets, int originalSequences) {
        this.numSequences = starts.length - 1;
        this.starts = starts;
        this.codes = codes;
        this.itemsetIndex = itemsetIndex;
        this.time = time;
        this.itemOfRank = itemOfRank;
        this.supportOfRank = supportOfRank;
        this.rankOfItem = rankOfItem;
        this.singletonItemsets = singletonItemsets;
        this.originalSequences = originalSequences;
        this.suffixMask = singletonItemsets && itemOfRank.length <= 64 ? suffixMasks(starts, codes) : null;
    }

    private static long[] suffixMasks(int[] starts, int[] codes) {
        long[] masks = new long[codes.length];
        for (int s = 0; s + 1 < starts.length; s++) {
            long m = 0;
            for (int e = starts[s + 1] - 1; e >= starts[s]; e--) {
                m |= 1L << (codes[e] & RANK_MASK);
                masks[e] = m;
            }
        }
        return masks;
    }

    int numRanks() {
        return itemOfRank.length;
    }

    /**
     * Encodes {@code db}, keeping items with sequence support {@code >= minSupport} that are not in
     * {@code excludedSorted}.
     */
    static RankedDatabase build(SequenceDatabase db, long minSupport, int[] excludedSorted, boolean withPositions) {
        return build(db, minSupport, excludedSorted, withPositions, null);
    }

    /**
     * As {@link #build(SequenceDatabase, long, int[], boolean)}, but ranks follow {@code orderOfItem} (ascending,
     * indexed by dense item id) instead of this database's own supports, so that the searches of several partitions
     * of one database agree on every rank comparison. {@code null} ranks by support here.
     */
    static RankedDatabase build(SequenceDatabase db, long minSupport, int[] excludedSorted, boolean withPositions,
                                int[] orderOfItem) {
        int[] counts = db.sequenceCounts();
        int numItems = db.numItems();
        int kept = 0;
        Integer[] order = new Integer[numItems];
        for (int it = 0; it < numItems; it++) {
            if (counts[it] >= minSupport && Arrays.binarySearch(excludedSorted, it) < 0) {
                order[kept++] = it;
            }
        }
        Integer[] keptItems = Arrays.copyOf(order, kept);
        if (orderOfItem == null) {
            Arrays.sort(keptItems, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                    : Integer.compare(a, b));
        } else {
            Arrays.sort(keptItems, (a, b) -> orderOfItem[a] != orderOfItem[b]
                    ? Integer.compare(orderOfItem[a], orderOfItem[b]) : Integer.compare(a, b));
        }
        int[] itemOfRank = new int[kept];
        int[] supportOfRank = new int[kept];
        int[] rankOfItem = new int[numItems];
        Arrays.fill(rankOfItem, -1);
        for (int r = 0; r < kept; r++) {
            itemOfRank[r] = keptItems[r];
            supportOfRank[r] = counts[keptItems[r]];
            rankOfItem[keptItems[r]] = r;
        }
        int n = db.numSequences();
        int[] starts = new int[n + 1];
        int[] codes = new int[db.numElements()];
        int[] pos = withPositions ? new int[db.numElements()] : null;
        long[] time = withPositions ? new long[db.numElements()] : null;
        int out = 0;
        int seqOut = 0;
        boolean singleton = true;
        for (int s = 0; s < n; s++) {
            int seqStart = out;
            int e = db.start(s);
            int end = db.end(s);
            while (e < end) {
                int itemset = db.itemset(e);
                int setStart = out;
                while (e < end && db.itemset(e) == itemset) {
                    int r = rankOfItem[db.item(e)];
                    if (r >= 0) {
                        codes[out] = r;
                        if (withPositions) {
                            pos[out] = itemset;
                            time[out] = db.time(e);
                        }
                        out++;
                    }
                    e++;
                }
                if (out > setStart) {
                    // ranks inside an itemset ascend; positions and times are equal within it, so sorting codes alone
                    // keeps the parallel arrays consistent
                    Arrays.sort(codes, setStart, out);
                    codes[setStart] |= NEW_ITEMSET;
                    if (out - setStart > 1) {
                        singleton = false;
                    }
                }
            }
            if (out > seqStart) {
                starts[seqOut++] = seqStart;
            }
        }
        starts[seqOut] = out;
        return new RankedDatabase(Arrays.copyOf(starts, seqOut + 1), Arrays.copyOf(codes, out),
                withPositions ? Arrays.copyOf(pos, out) : null, withPositions ? Arrays.copyOf(time, out) : null,
                itemOfRank, supportOfRank, rankOfItem, singleton, n);
    }
}
