package dev.seqmind.neural.srgnn;

import java.util.List;

/**
 * Session graphs padded into the arrays one SR-GNN step consumes. Graphs are padded to {@code nodes} nodes and
 * histories to {@code length} positions; padding nodes hold token 0 (the padding embedding) and no edges.
 *
 * @param size      graphs in the batch
 * @param nodes     nodes per graph after padding
 * @param length    positions per history after padding
 * @param tokens    node item tokens ({@code id + 1}, 0 = padding), {@code [size, nodes]}
 * @param in        incoming adjacency, {@code [size, nodes, nodes]}
 * @param out       outgoing adjacency, {@code [size, nodes, nodes]}
 * @param positions for each history position, the flat index {@code g * nodes + node} of its node (padding positions
 *                  point at their graph's node 0), {@code [size, length]}
 * @param mask      1 at real history positions, 0 at padding, {@code [size, length]}
 * @param last      the flat node index of each history's last item, {@code [size]}
 */
record GraphBatch(int size, int nodes, int length, long[] tokens, float[] in, float[] out, long[] positions,
                  float[] mask, long[] last) {

    static GraphBatch of(List<SessionGraph> graphs) {
        int size = graphs.size();
        int n = 1;
        int len = 1;
        for (SessionGraph g : graphs) {
            n = Math.max(n, g.size());
            len = Math.max(len, g.alias().length);
        }
        long[] tokens = new long[size * n];
        float[] in = new float[size * n * n];
        float[] out = new float[size * n * n];
        long[] positions = new long[size * len];
        float[] mask = new float[size * len];
        long[] last = new long[size];
        for (int b = 0; b < size; b++) {
            SessionGraph g = graphs.get(b);
            int k = g.size();
            for (int a = 0; a < k; a++) {
                tokens[b * n + a] = g.nodes()[a] + 1L;
                System.arraycopy(g.in(), a * k, in, (b * n + a) * n, k);
                System.arraycopy(g.out(), a * k, out, (b * n + a) * n, k);
            }
            int[] alias = g.alias();
            for (int p = 0; p < len; p++) {
                boolean real = p < alias.length;
                positions[b * len + p] = (long) b * n + (real ? alias[p] : 0);
                mask[b * len + p] = real ? 1f : 0f;
            }
            last[b] = (long) b * n + (alias.length == 0 ? 0 : alias[alias.length - 1]);
        }
        return new GraphBatch(size, n, len, tokens, in, out, positions, mask, last);
    }
}
