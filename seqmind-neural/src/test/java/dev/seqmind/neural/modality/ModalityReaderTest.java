package dev.seqmind.neural.modality;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModalityReaderTest {
    private static final IdMap ITEMS = IdMap.of(List.of("10", "20", "30", "40"));

    @TempDir
    Path dir;

    private ModalityVectors read(String fileName, String content) throws IOException {
        Path f = dir.resolve(fileName);
        Files.writeString(f, content);
        return ModalityReader.read(new ModalityFile("image", f), ITEMS);
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> readError(Path file) {
        return assertThatThrownBy(() -> ModalityReader.read(new ModalityFile("a", file), ITEMS))
                .isInstanceOf(SeqmindException.class);
    }

    private String tsvError(String content) {
        return assertThatThrownBy(() -> read("v.tsv", content)).isInstanceOf(InputFormatException.class)
                .actual().getMessage();
    }

    @Test
    void tsvRowsAreMatchedNormalisedAndMissingItemsMasked() throws IOException {
        ModalityVectors v = read("v.tsv", "# image embeddings\nitem\tx\ty\n10\t3\t4\n30\t0\t-2\n99\t1\t1\n");
        assertThat(v.dimension()).isEqualTo(2);
        assertThat(v.has()).containsExactly(true, false, true, false);
        assertThat(v.matrix()[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(v.matrix()[1]).isCloseTo(0.8f, within(1e-6f));
        assertThat(v.matrix()[5]).isCloseTo(-1f, within(1e-6f));
        // item 20 is missing: masked, and its row is not data
        assertThat(v.coverage()).isEqualTo(new ModalityVectors.Coverage(3, 2, 1, 2, List.of("99")));
        assertThat(v.coverage().describe()).contains("2 of 4 items have a vector (2 missing, masked)")
                .contains("1 ids in the file are not items of the data (e.g. 99)");
    }

    @Test
    void tsvErrorsNameFileLineAndField() {
        String f = dir.resolve("v.tsv").toString();
        assertThat(tsvError("10\t1\t2\n20\t1\t2\t3\n")).isEqualTo(f + ":2: values: 3 values, expected 2 (the "
                + "dimension of line 1)");
        assertThat(tsvError("10\t1\t2\n20\t1\tNaN\n")).startsWith(f + ":2: column 3: NaN (item 20)");
        assertThat(tsvError("10\t1\t2\n20\t1\tInfinity\n")).startsWith(f + ":2: column 3: Infinity");
        assertThat(tsvError("10\t1\t2\n20\t-inf\t2\n")).startsWith(f + ":2: column 2: -Infinity");
        assertThat(tsvError("10\t1\t2\n20\tnan\t2\n")).startsWith(f + ":2: column 2: NaN");
        assertThat(tsvError("10\t1\t2\n20\t1\t2\n10\t2\t1\n")).isEqualTo(f + ":3: item id: '10' repeats line 1");
        assertThat(tsvError("10\t1\t2\n20\t1\tx\n")).isEqualTo(f + ":2: column 3: 'x' is not a number");
        assertThat(tsvError("10\t0\t0\n")).startsWith(f + ":1: values: all zero (item 10)");
        assertThat(tsvError("98\t1\t2\n99\t1\t2\n")).startsWith(f + ": item id: none of the 2 ids is an item");
        assertThat(tsvError("id\tx\n")).isEqualTo(f + ": no vectors in the file");
    }

    @Test
    void npyWithAnIdsFile() throws IOException {
        Path npy = dir.resolve("clip.npy");
        NpyArray.writeFloat32(npy, new float[] {1, 0, 0, 0, 2, 0}, 2, 3);
        Files.writeString(dir.resolve("clip.ids"), "40\n10\n");
        ModalityVectors v = ModalityReader.read(new ModalityFile("image", npy), ITEMS);
        assertThat(v.dimension()).isEqualTo(3);
        assertThat(v.has()).containsExactly(true, false, false, true);
        assertThat(v.matrix()).startsWith(0f, 1f, 0f);              // item 10 = row 2, normalised
        assertThat(v.matrix()[9]).isEqualTo(1f);                    // item 40 = row 1

        Files.writeString(dir.resolve("clip.ids"), "40\n");
        assertThatThrownBy(() -> ModalityReader.read(new ModalityFile("image", npy), ITEMS))
                .hasMessage(dir.resolve("clip.ids") + ": 1 ids for the 2 rows of the array beside it; one id a row, "
                        + "in row order");
    }

    @Test
    void npyFloat64WithTheIdsInTheFirstColumnAndFortranOrder() throws IOException {
        // C order: rows (20, 1, 1) and (30, 0, 5)
        Path c = npy64("c.npy", false, 2, 3, 20, 1, 1, 30, 0, 5);
        ModalityVectors v = ModalityReader.read(new ModalityFile("audio", c), ITEMS);
        assertThat(v.dimension()).isEqualTo(2);
        assertThat(v.has()).containsExactly(false, true, true, false);
        assertThat(v.matrix()[4]).isEqualTo(0f);
        assertThat(v.matrix()[5]).isEqualTo(1f);
        // the same array in Fortran order (column by column)
        Path fo = npy64("f.npy", true, 2, 3, 20, 30, 1, 0, 1, 5);
        assertThat(ModalityReader.read(new ModalityFile("audio", fo), ITEMS).matrix()).containsExactly(v.matrix());
    }

    @Test
    void npyErrors() throws IOException {
        Path half = npy64("half.npy", false, 1, 3, 10.5, 1, 1);
        readError(half).isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(half + ":1: column 1 (item id): 10.5 is not a whole number")
                .hasMessageContaining("half.ids");
        Path nan = npy64("nan.npy", false, 2, 3, 10, 1, 1, 20, Double.NaN, 1);
        readError(nan).hasMessageStartingWith(nan + ":2: column 2: NaN (item 20)");
        Path dup = npy64("dup.npy", false, 2, 2, 10, 1, 10, 2);
        readError(dup).hasMessage(dup + ":2: item id: '10' repeats line 1");
        Path ints = dir.resolve("ints.npy");
        Files.write(ints, npyBytes("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2), }", new byte[16]));
        readError(ints).hasMessageStartingWith(ints + ": descr: dtype '<i8' is not float32 or float64");
        Path cube = dir.resolve("cube.npy");
        Files.write(cube, npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 2), }", new byte[16]));
        readError(cube).hasMessageStartingWith(cube + ": shape: (1, 2, 2) is not 2-D");
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 2), }", new byte[16]));
        readError(cut).hasMessage(cut + ": shape: (4, 2) needs 32 data bytes, the file has 16");
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "10\t1\t2\n");
        readError(text).hasMessage(text + ": header: not a NumPy .npy file (no \\x93NUMPY magic)");
    }

    @Test
    void otherFilesAndNames() {
        Path parquet = dir.resolve("v.parquet");
        assertThatThrownBy(() -> {
            Files.writeString(parquet, "PAR1");
            ModalityReader.read(new ModalityFile("a", parquet), ITEMS);
        }).isInstanceOf(SeqmindException.class).hasMessageContaining("not a readable Parquet file");
        assertThatThrownBy(() -> ModalityReader.read(new ModalityFile("a", dir.resolve("none.tsv")), ITEMS))
                .hasMessageContaining("none.tsv does not exist");
        assertThat(ModalityFile.parse("--item-vectors", "image=/x/clip.npy"))
                .isEqualTo(new ModalityFile("image", Path.of("/x/clip.npy")));
        assertThatThrownBy(() -> ModalityFile.parse("--item-vectors", "clip.npy"))
                .hasMessageContaining("NAME=FILE");
        assertThatThrownBy(() -> ModalityFile.parse("--item-vectors", "text=a.npy"))
                .hasMessageContaining("other than 'text'");
        assertThatThrownBy(() -> ModalityFile.requireDistinct("--item-vectors",
                List.of(new ModalityFile("a", Path.of("x")), new ModalityFile("a", Path.of("y")))))
                .hasMessageContaining("'a' is given twice");
    }

    private Path npy64(String name, boolean fortran, int rows, int cols, double... values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        Path f = dir.resolve(name);
        Files.write(f, npyBytes("{'descr': '<f8', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': (" + rows + ", " + cols + "), }", b.array()));
        return f;
    }

    private static byte[] npyBytes(String dict, byte[] data) {
        String header = dict + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }
}
