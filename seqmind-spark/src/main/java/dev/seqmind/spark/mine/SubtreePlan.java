package dev.seqmind.spark.mine;

import java.io.Serializable;
import java.util.PriorityQueue;

/**
 * Which partition grows which first-level subtree, and the global item order every partition ranks by. Items are
 * ordered by descending support (ties by dense id), the single-machine miner's order; infrequent items get no owner
 * ({@code -1}). Subtrees go out largest support first, each to the partition with the least support so far (a
 * subtree's cost grows with its projection, which grows with support).
 *
 * @param orderOfItem position of each item in the global order (infrequent items after all frequent ones)
 * @param owner       partition of each item's subtree, {@code -1} for infrequent items
 * @param partitions  number of partitions
 */
record SubtreePlan(int[] orderOfItem, int[] owner, int partitions) implements Serializable {

    static SubtreePlan of(long[] support, long minSupport, int partitions) {
        int n = support.length;
        Integer[] byRank = new Integer[n];
        for (int i = 0; i < n; i++) {
            byRank[i] = i;
        }
        java.util.Arrays.sort(byRank, (a, b) -> support[a] != support[b] ? Long.compare(support[b], support[a])
                : Integer.compare(a, b));
        int[] order = new int[n];
        int[] owner = new int[n];
        PriorityQueue<long[]> load = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int p = 0; p < partitions; p++) {
            load.add(new long[] {0, p});
        }
        for (int r = 0; r < n; r++) {
            int item = byRank[r];
            order[item] = r;
            if (support[item] >= minSupport) {
                long[] least = load.poll();
                owner[item] = (int) least[1];
                least[0] += support[item];
                load.add(least);
            } else {
                owner[item] = -1;
            }
        }
        return new SubtreePlan(order, owner, partitions);
    }

    /** The items whose subtrees partition {@code part} grows. */
    int[] roots(int part) {
        return java.util.stream.IntStream.range(0, owner.length).filter(i -> owner[i] == part).toArray();
    }
}
