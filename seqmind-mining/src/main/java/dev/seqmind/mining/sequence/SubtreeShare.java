package dev.seqmind.mining.sequence;

import java.util.Arrays;
import java.util.Objects;

/**
 * One worker's share of a sequential-pattern search split by first-level subtree, for
 * {@link SequentialPatternMiner#mineSubtrees}: the global item order every share ranks by, and the items whose subtrees
 * this share grows.
 *
 * <p>{@code orderOfItem[item]} is the item's position in the global order (lower first; the single-machine miner uses
 * descending support, ties by dense id), indexed by dense item id and covering every item of the database mined.
 * {@code roots} are dense item ids. Worked example: items {@code a=0, b=1, c=2} with global supports 5, 9, 7 give
 * the order (b, c, a), so {@code orderOfItem = [2, 0, 1]}. The share with {@code roots = [0]} grows the subtree of
 * {@code a}: it finds {@code <a b>} but not {@code <(a c)>}, whose first itemset comes first at {@code c} in the
 * order, so the share owning {@code c} finds it (together with {@code <c a>}).
 *
 * <p>Arrays are adopted, not copied; callers must not change them afterwards.
 */
public record SubtreeShare(int[] orderOfItem, int[] roots) {
    public SubtreeShare {
        Objects.requireNonNull(orderOfItem, "orderOfItem");
        Objects.requireNonNull(roots, "roots");
        for (int r : roots) {
            if (r < 0 || r >= orderOfItem.length) {
                throw new IllegalArgumentException("root item " + r + " outside [0, " + orderOfItem.length + ")");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubtreeShare s && Arrays.equals(orderOfItem, s.orderOfItem) && Arrays.equals(roots, s.roots);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(orderOfItem) + Arrays.hashCode(roots);
    }

    @Override
    public String toString() {
        return "SubtreeShare[" + roots.length + " roots of " + orderOfItem.length + " items]";
    }
}
