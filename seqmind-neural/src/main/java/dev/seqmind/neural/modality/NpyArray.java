package dev.seqmind.neural.modality;

import dev.seqmind.data.error.InputFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 2-D float32 or float64 NumPy array read from a {@code .npy} file (format versions 1 to 3, either byte order,
 * C or Fortran order). The file's bytes are held as read; {@link #get} converts one element. Immutable.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">the .npy format</a>
 */
public final class NpyArray {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final ByteBuffer data;
    private final boolean float64;
    private final boolean fortran;
    private final int rows;
    private final int cols;

    private NpyArray(ByteBuffer data, boolean float64, boolean fortran, int rows, int cols) {
        this.data = data;
        this.float64 = float64;
        this.fortran = fortran;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Reads {@code file}.
     *
     * @throws InputFormatException {@code file: header: ...} when it is not a 2-D float32/float64 array or is cut short
     */
    public static NpyArray read(Path file) throws IOException {
        String f = file.toString();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new InputFormatException(f, 0, "header", "not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        int headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(b.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new InputFormatException(f, 0, "header", "cut short");
            }
            headerLen = b.getInt(8);
            headerStart = 12;
        } else {
            throw new InputFormatException(f, 0, "header", "format version " + major + " (known: 1, 2, 3)");
        }
        if (headerLen < 0 || headerStart + (long) headerLen > bytes.length) {
            throw new InputFormatException(f, 0, "header", "cut short");
        }
        String header = new String(bytes, headerStart, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(f, header, DESCR, "descr");
        boolean float64 = switch (descr) {
            case "<f4", ">f4", "=f4" -> false;
            case "<f8", ">f8", "=f8" -> true;
            default -> throw new InputFormatException(f, 0, "descr",
                    "dtype '" + descr + "' is not float32 or float64; save with arr.astype('float32')");
        };
        boolean fortran = field(f, header, FORTRAN, "fortran_order").equals("True");
        String[] dims = field(f, header, SHAPE, "shape").split(",");
        int nd = 0;
        long[] shape = new long[3];
        for (String d : dims) {
            if (!d.isBlank()) {
                if (nd == 3) {
                    break;
                }
                try {
                    shape[nd++] = Long.parseLong(d.trim());
                } catch (NumberFormatException e) {
                    throw new InputFormatException(f, 0, "shape", "'" + d.trim() + "' is not a size");
                }
            }
        }
        if (nd != 2) {
            throw new InputFormatException(f, 0, "shape", "(" + String.join(",", dims).trim() + ") is not 2-D;"
                    + " one row per item is needed");
        }
        int width = float64 ? 8 : 4;
        long expected = shape[0] * shape[1] * width;
        long start = headerStart + (long) headerLen;
        if (shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE || bytes.length - start < expected) {
            throw new InputFormatException(f, 0, "shape", "(" + shape[0] + ", " + shape[1] + ") needs " + expected
                    + " data bytes, the file has " + (bytes.length - start));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) start, (int) expected).slice()
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return new NpyArray(data, float64, fortran, (int) shape[0], (int) shape[1]);
    }

    private static String field(String file, String header, Pattern p, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new InputFormatException(file, 0, "header", "no '" + name + "' entry");
        }
        return m.group(1);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Whether the values are float64 (else float32). */
    public boolean float64() {
        return float64;
    }

    /** Element {@code (row, col)}. */
    public double get(int row, int col) {
        long index = fortran ? (long) col * rows + row : (long) row * cols + col;
        return float64 ? data.getDouble((int) (index * 8)) : data.getFloat((int) (index * 4));
    }

    /** Writes a C-order little-endian float32 array of {@code rows x cols} (format version 1). */
    public static void writeFloat32(Path file, float[] values, int rows, int cols) throws IOException {
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " x " + cols);
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (float v : values) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
    }
}
