package dev.seqmind.insight.vector;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One vector per user or item: row {@code i} belongs to dense id {@code i} of the dataset (or model) it was built
 * from, and {@code ids.get(i)} is its external id. Column {@code j} is named {@code columns.get(j)}.
 *
 * <p>The arrays are adopted, not copied, and must not be modified after construction; the table is then immutable
 * and thread-safe.
 *
 * @param kind    what a row describes, e.g. "user behaviour" or "item embedding (sasrec)"
 * @param ids     external ids by row
 * @param columns column names
 * @param rows    {@code ids.size()} rows of {@code columns.size()} values
 */
public record VectorTable(String kind, List<String> ids, List<String> columns, double[][] rows) {
    public VectorTable {
        Objects.requireNonNull(kind, "kind");
        ids = List.copyOf(ids);
        columns = List.copyOf(columns);
        if (rows.length != ids.size()) {
            throw new IllegalArgumentException(rows.length + " rows for " + ids.size() + " ids");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values for "
                        + columns.size() + " columns");
            }
        }
    }

    public int size() {
        return rows.length;
    }

    public int dim() {
        return columns.size();
    }

    /** Row {@code i} (the table's own array: do not modify). */
    public double[] row(int i) {
        return rows[i];
    }

    /** A new table of the columns whose name starts with {@code prefix}, in their order (rows copied). */
    public VectorTable select(String prefix, String newKind) {
        int[] keep = IntStream.range(0, columns.size())
                .filter(j -> columns.get(j).startsWith(prefix)).toArray();
        double[][] out = new double[rows.length][keep.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < keep.length; k++) {
                out[i][k] = rows[i][keep[k]];
            }
        }
        return new VectorTable(newKind, ids, Arrays.stream(keep).mapToObj(columns::get).toList(), out);
    }

    /** The row of external id {@code id}, or -1 when absent (a linear scan: for single look-ups at the edge). */
    public int indexOf(String id) {
        return ids.indexOf(id);
    }
}
