package dev.seqmind.mining.itemset;

import java.util.Arrays;

/**
 * A frequent-pattern tree in parallel arrays. Node 0 is the root (item -1). Paths hold item ranks ascending (rank 0 =
 * most frequent), children are kept as a first-child / next-sibling list, and the nodes of each rank are chained
 * through {@code link} from {@code head[rank]} ({@code -1} ends a chain and stands for "no node"). Not thread-safe;
 * each tree belongs to one recursion step.
 */
final class FpTree {
    int[] item;
    int[] count;
    int[] parent;
    int[] firstChild;
    int[] nextSibling;
    int[] link;
    int size;
    final int[] head;
    final long[] headSupport;

    FpTree(int ranks, int expectedNodes) {
        int cap = Math.max(16, expectedNodes);
        item = new int[cap];
        count = new int[cap];
        parent = new int[cap];
        firstChild = new int[cap];
        nextSibling = new int[cap];
        link = new int[cap];
        head = new int[ranks];
        headSupport = new long[ranks];
        Arrays.fill(head, -1);
        item[0] = -1;
        parent[0] = -1;
        firstChild[0] = -1;
        nextSibling[0] = -1;
        link[0] = -1;
        size = 1;
    }

    /** Adds a path of ranks (strictly ascending) with multiplicity {@code c}. */
    void insert(int[] ranks, int length, int c) {
        int node = 0;
        for (int i = 0; i < length; i++) {
            int r = ranks[i];
            int child = firstChild[node];
            while (child >= 0 && item[child] != r) {
                child = nextSibling[child];
            }
            if (child < 0) {
                child = newNode(r, node);
            }
            count[child] += c;
            headSupport[r] += c;
            node = child;
        }
    }

    private int newNode(int r, int parentNode) {
        if (size == item.length) {
            int cap = size * 2;
            item = Arrays.copyOf(item, cap);
            count = Arrays.copyOf(count, cap);
            parent = Arrays.copyOf(parent, cap);
            firstChild = Arrays.copyOf(firstChild, cap);
            nextSibling = Arrays.copyOf(nextSibling, cap);
            link = Arrays.copyOf(link, cap);
        }
        int n = size++;
        item[n] = r;
        count[n] = 0;
        parent[n] = parentNode;
        firstChild[n] = -1;
        nextSibling[n] = firstChild[parentNode];
        firstChild[parentNode] = n;
        link[n] = head[r];
        head[r] = n;
        return n;
    }
}
