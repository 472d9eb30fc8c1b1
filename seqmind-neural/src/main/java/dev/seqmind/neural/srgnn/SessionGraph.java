package dev.seqmind.neural.srgnn;

import java.util.Arrays;

/**
 * The item-transition graph of one history, as SR-GNN builds it: one node per distinct item (numbered in order of
 * first appearance), a directed edge {@code a -> b} when item {@code b} directly follows item {@code a} somewhere in
 * the history (counted once however often it recurs; a repeated item gives a self-loop), and two row-normalised
 * adjacency matrices: {@code in[a][b] = edge(b -> a) / indegree(a)} and {@code out[a][b] = edge(a -> b) /
 * outdegree(a)} (a row of a node without such edges stays zero).
 *
 * @param nodes  the dense item id of each node
 * @param alias  the node of each history position
 * @param in     incoming adjacency, {@code [n, n]} row-major
 * @param out    outgoing adjacency, {@code [n, n]} row-major
 */
public record SessionGraph(int[] nodes, int[] alias, float[] in, float[] out) {
    /** The graph of {@code items[from, to)} (may be empty: no nodes). */
    public static SessionGraph of(int[] items, int from, int to) {
        int len = to - from;
        int[] alias = new int[len];
        int[] nodes = new int[len];
        int n = 0;
        for (int p = 0; p < len; p++) {
            int item = items[from + p];
            int node = -1;
            for (int k = 0; k < n; k++) { // histories are short (the model's window): a scan beats a hash map
                if (nodes[k] == item) {
                    node = k;
                    break;
                }
            }
            if (node < 0) {
                node = n;
                nodes[n++] = item;
            }
            alias[p] = node;
        }
        boolean[] edge = new boolean[n * n];
        for (int p = 0; p + 1 < len; p++) {
            edge[alias[p] * n + alias[p + 1]] = true;
        }
        int[] indegree = new int[n];
        int[] outdegree = new int[n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (edge[a * n + b]) {
                    outdegree[a]++;
                    indegree[b]++;
                }
            }
        }
        float[] in = new float[n * n];
        float[] out = new float[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (edge[b * n + a]) {
                    in[a * n + b] = 1f / indegree[a];
                }
                if (edge[a * n + b]) {
                    out[a * n + b] = 1f / outdegree[a];
                }
            }
        }
        return new SessionGraph(Arrays.copyOf(nodes, n), alias, in, out);
    }

    /** Number of nodes (distinct items). */
    public int size() {
        return nodes.length;
    }
}
