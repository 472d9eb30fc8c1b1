package dev.seqmind.neural.modality;

import dev.seqmind.data.error.InputFormatException;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads per-item vectors from a Parquet file through DuckDB's embedded engine ({@code org.duckdb:duckdb_jdbc}, already
 * on the classpath through {@code seqmind-data}; no Hadoop or Spark). The file must hold an item id column (named
 * {@code item}, {@code item_id} or {@code id}, or else the first column; integer or string) and exactly one vector
 * column, a {@code list<float|double>} or a fixed-size {@code FLOAT[n]}/{@code DOUBLE[n]} array, as pandas/pyarrow
 * ({@code pa.list_(pa.float32())}), Spark ({@code array<float>}) and DuckDB write them. A row whose vector is null is
 * left out (the item is masked as missing); a null id or a null value inside a vector is an error. Each row goes to
 * {@code sink} with its 1-based row number as the line. Stateless.
 */
final class ParquetVectors {
    /** What the error messages name as the expected layout. */
    static final String EXPECTED = "an item id column (item, item_id or id, else the first column; integer or "
            + "string) and one list<float>/list<double> or FLOAT[n]/DOUBLE[n] column of the values";
    private static final List<String> ID_NAMES = List.of("item", "item_id", "id");

    /** Receives the rows. */
    interface Sink {
        void dimension(int d, int line);

        void row(String id, int line, double[] values, int offset);
    }

    private ParquetVectors() {
    }

    static void read(Path p, Sink sink) {
        String f = p.toString();
        String source = "read_parquet('" + p.toAbsolutePath().toString().replace("'", "''") + "')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString("column_name"), rs.getString("column_type")});
                }
            }
            String idColumn = null;
            for (String[] col : columns) {
                if (ID_NAMES.contains(col[0].toLowerCase(Locale.ROOT))) {
                    idColumn = col[0];
                    break;
                }
            }
            if (idColumn == null && !columns.isEmpty()) {
                idColumn = columns.get(0)[0];
            }
            List<String> vectorColumns = new ArrayList<>();
            for (String[] col : columns) {
                if (!col[0].equals(idColumn) && isFloatList(col[1])) {
                    vectorColumns.add(col[0]);
                }
            }
            if (idColumn == null || vectorColumns.size() != 1 || isFloatList(typeOf(columns, idColumn))) {
                throw new InputFormatException(f, 0, "schema", describe(columns) + "; expected " + EXPECTED);
            }
            String vec = vectorColumns.get(0);
            String sql = "SELECT CAST(" + quote(idColumn) + " AS VARCHAR), CAST(" + quote(vec) + " AS DOUBLE[]) FROM "
                    + source;
            int line = 0;
            int dim = -1;
            int dimLine = 0;
            int rows = 0;
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    line++;
                    String id = rs.getString(1);
                    if (id == null || id.isBlank()) {
                        throw new InputFormatException(f, line, "column " + idColumn + " (item id)", "null or blank");
                    }
                    Array a = rs.getArray(2);
                    if (a == null) {
                        continue;   // no vector for this item: masked as missing
                    }
                    Object[] values = (Object[]) a.getArray();
                    if (dim < 0) {
                        if (values.length == 0) {
                            throw new InputFormatException(f, line, "column " + vec, "an empty vector (item " + id
                                    + ")");
                        }
                        dim = values.length;
                        dimLine = line;
                        sink.dimension(dim, line);
                    }
                    if (values.length != dim) {
                        throw new InputFormatException(f, line, "column " + vec, values.length + " values, expected "
                                + dim + " (the dimension of row " + dimLine + ")");
                    }
                    double[] row = new double[dim];
                    for (int k = 0; k < dim; k++) {
                        if (values[k] == null) {
                            throw new InputFormatException(f, line, "column " + vec + "[" + (k + 1) + "]",
                                    "null (item " + id + ")");
                        }
                        row[k] = ((Number) values[k]).doubleValue();
                    }
                    sink.row(id, line, row, 0);
                    rows++;
                }
            }
            if (rows == 0) {
                throw new InputFormatException(f, 0, "", "no vectors in the file");
            }
        } catch (SQLException e) {
            throw new InputFormatException(f, 0, "", "not a readable Parquet file of " + EXPECTED + " ("
                    + firstLine(e.getMessage()) + ")");
        }
    }

    private static boolean isFloatList(String type) {
        String t = type.toUpperCase(Locale.ROOT).replace(" ", "");
        return t.matches("(FLOAT|DOUBLE|REAL|DECIMAL\\(\\d+,\\d+\\))(\\[\\d*\\])");
    }

    private static String typeOf(List<String[]> columns, String name) {
        for (String[] c : columns) {
            if (c[0].equals(name)) {
                return c[1];
            }
        }
        return "";
    }

    private static String describe(List<String[]> columns) {
        List<String> parts = new ArrayList<>();
        for (String[] c : columns) {
            parts.add(c[0] + " " + c[1]);
        }
        return "columns (" + String.join(", ", parts) + ")";
    }

    private static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
