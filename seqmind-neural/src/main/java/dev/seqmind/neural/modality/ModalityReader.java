package dev.seqmind.neural.modality;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one modality's per-item vectors and matches them to a dataset's items.
 *
 * <ul>
 *   <li>{@code .npy}: a 2-D float32 or float64 array, one row per item. The item ids are the lines of the file of the
 *       same name ending in {@code .ids} beside it ({@code clip.npy} and {@code clip.ids}), in row order; without
 *       that file the array's first column holds them (whole numbers, so numeric ids only).</li>
 *   <li>{@code .tsv}, {@code .tab} or {@code .txt}: tab-separated, the item id and then the values, one item a
 *       line; lines starting with {@code #} and blank lines are skipped, and a first line whose second field is not
 *       a number is a header.</li>
 *   <li>{@code .parquet}: an item id column and one list or fixed-size array column of floats or doubles, read
 *       through DuckDB ({@link ParquetVectors}); a row whose vector is null is masked as missing.</li>
 * </ul>
 *
 * <p>Checks: every row has the same dimension; no NaN or infinite value; no all-zero row (leave a missing item out of
 * the file: it is then masked, not read as a zero vector); no id twice. Each error names {@code file:line: field:
 * problem} (for {@code .npy}, the line is the row, 1-based). Ids the dataset lacks are counted and reported, not
 * errors; a file none of whose ids is an item is. Vectors are L2-normalised, like the text vectors. Stateless.
 */
public final class ModalityReader {
    private static final int EXAMPLES = 5;

    private ModalityReader() {
    }

    /** The {@code .ids} file that names the rows of {@code npy}. */
    public static Path idsFileOf(Path npy) {
        String n = npy.getFileName().toString();
        String base = n.toLowerCase(Locale.ROOT).endsWith(".npy") ? n.substring(0, n.length() - 4) : n;
        return npy.resolveSibling(base + ".ids");
    }

    /**
     * Reads {@code file}'s vectors for {@code items}.
     *
     * @throws InputFormatException for a malformed file ({@code file:line: field: problem})
     * @throws SeqmindException     for a missing file or an unknown file type
     */
    public static ModalityVectors read(ModalityFile file, IdMap items) throws IOException {
        Path p = file.file();
        if (!Files.isRegularFile(p)) {
            throw new SeqmindException("--item-vectors " + file.name() + ": " + p + " does not exist");
        }
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        Rows m = new Rows(p.toString(), items);
        if (n.endsWith(".npy")) {
            readNpy(p, m);
        } else if (n.endsWith(".tsv") || n.endsWith(".tab") || n.endsWith(".txt")) {
            readTsv(p, m);
        } else if (n.endsWith(".parquet")) {
            ParquetVectors.read(p, m);
        } else {
            throw new SeqmindException(p + ": unknown vector file type; use .npy (with a .ids file or an id column), "
                    + ".tsv (item id, then the values) or .parquet (" + ParquetVectors.EXPECTED + ")");
        }
        return m.finish(file.name());
    }

    private static void readNpy(Path p, Rows m) throws IOException {
        NpyArray a = NpyArray.read(p);
        Path idsFile = idsFileOf(p);
        List<String> ids = Files.isRegularFile(idsFile) ? readIds(idsFile, a.rows()) : null;
        int first = ids == null ? 1 : 0;
        int dim = a.cols() - first;
        if (dim < 1) {
            throw new InputFormatException(p.toString(), 0, "shape", "(" + a.rows() + ", " + a.cols()
                    + ") leaves no values after the item id column (no " + idsFile.getFileName() + " beside it)");
        }
        m.dimension(dim, 0);
        double[] row = new double[dim];
        for (int r = 0; r < a.rows(); r++) {
            String id;
            if (ids != null) {
                id = ids.get(r);
            } else {
                double v = a.get(r, 0);
                if (!(v == Math.rint(v)) || Math.abs(v) > (a.float64() ? 9.0e15 : 16_777_216)) {
                    throw new InputFormatException(p.toString(), r + 1, "column 1 (item id)", v
                            + " is not a whole number exactly representable in the array's type; give the ids in "
                            + idsFile.getFileName() + " (one a line) instead");
                }
                id = Long.toString((long) v);
            }
            for (int c = 0; c < dim; c++) {
                row[c] = a.get(r, c + first);
            }
            m.row(id, r + 1, row, first);
        }
    }

    private static List<String> readIds(Path idsFile, int rows) throws IOException {
        List<String> ids = new ArrayList<>(rows);
        try (BufferedReader in = Files.newBufferedReader(idsFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String id = line.strip();
                if (id.isEmpty()) {
                    throw new InputFormatException(idsFile.toString(), ids.size() + 1, "item id", "blank");
                }
                ids.add(id);
            }
        }
        if (ids.size() != rows) {
            throw new InputFormatException(idsFile.toString(), 0, "", ids.size() + " ids for the " + rows
                    + " rows of the array beside it; one id a row, in row order");
        }
        return ids;
    }

    private static void readTsv(Path p, Rows m) throws IOException {
        String f = p.toString();
        try (BufferedReader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            double[] row = null;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split("\t", -1);
                if (first) {
                    first = false;
                    if (t.length < 2) {
                        throw new InputFormatException(f, no, "values", "no tab-separated values after the item id");
                    }
                    if (!isNumber(t[1])) {
                        continue;   // a header
                    }
                }
                if (row == null) {
                    if (t.length < 2) {
                        throw new InputFormatException(f, no, "values", "no tab-separated values after the item id");
                    }
                    row = new double[t.length - 1];
                    m.dimension(row.length, no);
                }
                if (t.length - 1 != row.length) {
                    throw new InputFormatException(f, no, "values", (t.length - 1) + " values, expected "
                            + row.length + " (the dimension of line " + m.dimensionLine + ")");
                }
                String id = t[0].strip();
                if (id.isEmpty()) {
                    throw new InputFormatException(f, no, "item id", "blank");
                }
                for (int c = 0; c < row.length; c++) {
                    try {
                        row[c] = parse(t[c + 1].strip());
                    } catch (NumberFormatException e) {
                        throw new InputFormatException(f, no, "column " + (c + 2), "'" + t[c + 1]
                                + "' is not a number");
                    }
                }
                m.row(id, no, row, 1);
            }
            if (row == null) {
                throw new InputFormatException(f, 0, "", "no vectors in the file");
            }
        }
    }

    /** A number as Java or NumPy/pandas write it ({@code nan}, {@code inf} and {@code -inf} in any case too). */
    private static double parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "-nan", "+nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static boolean isNumber(String s) {
        try {
            parse(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Collects checked rows into the dense matrix. Not thread-safe; one per read. */
    private static final class Rows implements ParquetVectors.Sink {
        private final String file;
        private final IdMap items;
        private final Map<String, Integer> lineOf = new HashMap<>();
        private final List<String> unknownExamples = new ArrayList<>();
        private float[] matrix;
        private boolean[] has;
        private int dim;
        private int dimensionLine;
        private int rows;
        private int unknown;

        Rows(String file, IdMap items) {
            this.file = file;
            this.items = items;
        }

        @Override
        public void dimension(int d, int line) {
            dim = d;
            dimensionLine = line;
            matrix = new float[items.size() * d];
            has = new boolean[items.size()];
        }

        /** One row; {@code offset} is the 0-based column of the first value, for messages. */
        @Override
        public void row(String id, int line, double[] values, int offset) {
            rows++;
            double norm = 0;
            for (int c = 0; c < values.length; c++) {
                double v = values[c];
                if (!Double.isFinite(v)) {
                    throw new InputFormatException(file, line, "column " + (c + offset + 1), v + " (item " + id
                            + "); every value must be finite");
                }
                norm += v * v;
            }
            if (norm == 0) {
                throw new InputFormatException(file, line, "values", "all zero (item " + id + "); leave an item "
                        + "without a vector out of the file, and it is masked as missing");
            }
            Integer before = lineOf.putIfAbsent(id, line);
            if (before != null) {
                throw new InputFormatException(file, line, "item id", "'" + id + "' repeats line " + before);
            }
            int dense = items.denseId(id);
            if (dense == IdMap.ABSENT) {
                unknown++;
                if (unknownExamples.size() < EXAMPLES) {
                    unknownExamples.add(id);
                }
                return;
            }
            double inv = 1 / Math.sqrt(norm);
            int base = dense * dim;
            for (int c = 0; c < dim; c++) {
                matrix[base + c] = (float) (values[c] * inv);
            }
            has[dense] = true;
        }

        ModalityVectors finish(String name) {
            int matched = rows - unknown;
            if (matched == 0) {
                throw new InputFormatException(file, 0, "item id", "none of the " + rows + " ids is an item of the "
                        + "data (e.g. " + String.join(", ", unknownExamples) + "); the ids must be the log's item ids");
            }
            var coverage = new ModalityVectors.Coverage(rows, matched, unknown, items.size() - matched,
                    unknownExamples);
            return new ModalityVectors(name, file, dim, matrix, has, coverage);
        }
    }
}
