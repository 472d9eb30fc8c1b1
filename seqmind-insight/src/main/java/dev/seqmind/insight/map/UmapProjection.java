package dev.seqmind.insight.map;

import tagbio.umap.Umap;

/**
 * A two-dimensional UMAP (McInnes et al.) of a set of rows through Tagbio's umap-java (MIT): a fuzzy graph of each
 * row's {@code neighbours} nearest rows (Euclidean) laid out in the plane so that near rows stay near. Unlike PCA the
 * map is not a projection: it is fitted to the rows given (a sample, since the cost grows faster than linearly) and
 * places nothing else. One thread and a fixed seed make it reproducible. Immutable.
 *
 * @param neighbours size of each row's neighbourhood (local vs global structure; 15 is UMAP's default)
 * @param minDist    how tightly points may pack in the map (UMAP's default 0.1)
 * @param seed       seed of the layout
 */
public record UmapProjection(int neighbours, float minDist, long seed) {
    public UmapProjection {
        if (neighbours < 2 || !(minDist >= 0)) {
            throw new IllegalArgumentException("neighbours " + neighbours + " (>= 2), minDist " + minDist + " (>= 0)");
        }
    }

    public static UmapProjection defaults(long seed) {
        return new UmapProjection(15, 0.1f, seed);
    }

    /**
     * The 2-D coordinates of each row, in row order. Needs at least 3 rows; the neighbourhood shrinks to
     * {@code rows - 1} on very small inputs.
     */
    public double[][] fit(double[][] rows) {
        if (rows.length < 3) {
            throw new IllegalArgumentException(rows.length + " rows; UMAP needs at least 3");
        }
        float[][] in = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            in[i] = new float[rows[i].length];
            for (int j = 0; j < in[i].length; j++) {
                in[i][j] = (float) rows[i][j];
            }
        }
        Umap umap = new Umap();
        umap.setNumberComponents(2);
        umap.setNumberNearestNeighbours(Math.min(neighbours, rows.length - 1));
        umap.setMinDist(minDist);
        umap.setThreads(1);
        umap.setSeed(seed);
        umap.setVerbose(false);
        float[][] xy = umap.fitTransform(in);
        double[][] out = new double[xy.length][2];
        for (int i = 0; i < xy.length; i++) {
            out[i][0] = xy[i][0];
            out[i][1] = xy[i][1];
        }
        return out;
    }
}
