package dev.seqmind.neural.modality;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.IdMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Parquet files written here by DuckDB's Parquet writer, read back through {@link ModalityReader}. */
class ParquetVectorsTest {
    private static final IdMap ITEMS = IdMap.of(List.of("10", "20", "30", "40"));

    @TempDir
    Path dir;

    /** Writes {@code select}'s rows to {@code name} as Parquet. */
    private Path parquet(String name, String select) throws SQLException {
        Path f = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (" + select + ") TO '" + f + "' (FORMAT parquet)");
        }
        return f;
    }

    private static ModalityVectors read(Path f) throws IOException {
        return ModalityReader.read(new ModalityFile("image", f), ITEMS);
    }

    private static String error(Path f) {
        return assertThatThrownBy(() -> read(f)).isInstanceOf(InputFormatException.class).actual().getMessage();
    }

    @Test
    void aListOfFloatColumnIsMatchedNormalisedAndMissingItemsMasked() throws Exception {
        Path f = parquet("v.parquet", "SELECT * FROM (VALUES (10, [3.0, 4.0]::FLOAT[]), (30, [0.0, -2.0]::FLOAT[]),"
                + " (99, [1.0, 1.0]::FLOAT[]), (40, NULL::FLOAT[])) t(item_id, embedding)");
        ModalityVectors v = read(f);
        assertThat(v.dimension()).isEqualTo(2);
        // 20 is not in the file and 40's vector is null: both masked, neither read as a zero vector
        assertThat(v.has()).containsExactly(true, false, true, false);
        assertThat(v.matrix()[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(v.matrix()[1]).isCloseTo(0.8f, within(1e-6f));
        assertThat(v.matrix()[5]).isCloseTo(-1f, within(1e-6f));
        assertThat(v.coverage()).isEqualTo(new ModalityVectors.Coverage(3, 2, 1, 2, List.of("99")));
    }

    @Test
    void aFixedSizeDoubleArrayWithStringIdsInAnyColumnOrder() throws Exception {
        Path f = parquet("v.parquet", "SELECT * FROM (VALUES ([1.0, 0.0, 0.0]::DOUBLE[3], '20', 'x'), "
                + "([0.0, 0.0, 2.0]::DOUBLE[3], '40', 'y')) t(vec, item, note)");
        ModalityVectors v = read(f);
        assertThat(v.dimension()).isEqualTo(3);
        assertThat(v.has()).containsExactly(false, true, false, true);
        assertThat(v.matrix()[3 * 3 + 2]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void errorsNameFileRowAndTheExpectedSchema() throws Exception {
        Path noVector = parquet("a.parquet", "SELECT 10 AS item, 0.5 AS x");
        assertThat(error(noVector)).startsWith(noVector + ": schema: columns (item INTEGER, x DECIMAL(2,1)); "
                + "expected an item id column (item, item_id or id").contains("list<float>/list<double>");
        Path twoVectors = parquet("b.parquet", "SELECT 10 AS item, [1.0]::FLOAT[] AS a, [2.0]::FLOAT[] AS b");
        assertThat(error(twoVectors)).contains(": schema: ").contains("expected an item id column");
        Path ragged = parquet("c.parquet", "SELECT * FROM (VALUES (10, [1.0, 2.0]::FLOAT[]), "
                + "(20, [1.0]::FLOAT[])) t(item, v)");
        assertThat(error(ragged)).isEqualTo(ragged + ":2: column v: 1 values, expected 2 (the dimension of row 1)");
        Path nan = parquet("d.parquet", "SELECT * FROM (VALUES (10, [1.0, 'nan'::FLOAT]::FLOAT[])) t(item, v)");
        assertThat(error(nan)).isEqualTo(nan + ":1: column 2: NaN (item 10); every value must be finite");
        Path repeated = parquet("e.parquet", "SELECT * FROM (VALUES (10, [1.0]::FLOAT[]), (10, [2.0]::FLOAT[]))"
                + " t(item, v)");
        assertThat(error(repeated)).isEqualTo(repeated + ":2: item id: '10' repeats line 1");
        Path nullValue = parquet("f.parquet", "SELECT * FROM (VALUES (10, [1.0, NULL]::FLOAT[])) t(item, v)");
        assertThat(error(nullValue)).isEqualTo(nullValue + ":1: column v[2]: null (item 10)");
        Path none = parquet("g.parquet", "SELECT * FROM (VALUES (77, [1.0]::FLOAT[])) t(item, v)");
        assertThat(error(none)).contains("none of the 1 ids is an item of the data (e.g. 77)");
        Path notParquet = dir.resolve("h.parquet");
        Files.writeString(notParquet, "item\tx\n10\t1\n");
        assertThat(error(notParquet)).startsWith(notParquet + ": not a readable Parquet file of an item id column");
    }
}
