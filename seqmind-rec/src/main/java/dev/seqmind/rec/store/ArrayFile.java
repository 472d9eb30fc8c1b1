package dev.seqmind.rec.store;

import dev.seqmind.data.error.InputFormatException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A binary file of named primitive arrays in a fixed order, for models' own files. Layout: magic {@code SQMA},
 * the format name and version, then per array its name, element type tag, length and big-endian elements. Readers
 * check each name and type as they go, so a file from another format or version fails with its location.
 * Writers and readers are single-use and not thread-safe.
 */
public final class ArrayFile {
    private static final int MAGIC = 0x53514D41; // "SQMA"

    private ArrayFile() {
    }

    public static Writer create(Path file, String format, int version) throws IOException {
        return new Writer(file, format, version);
    }

    public static Reader open(Path file, String format, int version) throws IOException {
        return new Reader(file, format, version);
    }

    /** Appends arrays; close to flush. */
    public static final class Writer implements AutoCloseable {
        private final DataOutputStream out;

        private Writer(Path file, String format, int version) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            out.writeInt(MAGIC);
            out.writeUTF(format);
            out.writeInt(version);
        }

        public Writer ints(String name, int[] a) throws IOException {
            head(name, 'I', a.length);
            for (int v : a) {
                out.writeInt(v);
            }
            return this;
        }

        public Writer longs(String name, long[] a) throws IOException {
            head(name, 'J', a.length);
            for (long v : a) {
                out.writeLong(v);
            }
            return this;
        }

        public Writer floats(String name, float[] a) throws IOException {
            head(name, 'F', a.length);
            for (float v : a) {
                out.writeFloat(v);
            }
            return this;
        }

        public Writer string(String name, String value) throws IOException {
            head(name, 'S', 1);
            out.writeUTF(value);
            return this;
        }

        public Writer number(String name, double value) throws IOException {
            head(name, 'D', 1);
            out.writeDouble(value);
            return this;
        }

        private void head(String name, char type, int length) throws IOException {
            out.writeUTF(name);
            out.writeChar(type);
            out.writeInt(length);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads arrays in the order they were written. */
    public static final class Reader implements AutoCloseable {
        private final Path file;
        private final DataInputStream in;

        private Reader(Path file, String format, int version) throws IOException {
            this.file = file;
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            try {
                if (in.readInt() != MAGIC) {
                    throw new InputFormatException(file.toString(), 0, "", "not a seqmind model array file");
                }
                String f = in.readUTF();
                int v = in.readInt();
                if (!f.equals(format) || v != version) {
                    throw new InputFormatException(file.toString(), 0, "format", "holds " + f + " version " + v
                            + ", expected " + format + " version " + version + "; re-save the model with this release");
                }
            } catch (EOFException e) {
                in.close();
                throw new InputFormatException(file.toString(), 0, "", "file is truncated");
            }
        }

        public int[] ints(String name) throws IOException {
            int[] a = new int[head(name, 'I')];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readInt();
            }
            return a;
        }

        public long[] longs(String name) throws IOException {
            long[] a = new long[head(name, 'J')];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readLong();
            }
            return a;
        }

        public float[] floats(String name) throws IOException {
            float[] a = new float[head(name, 'F')];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readFloat();
            }
            return a;
        }

        /** True when no array follows: optional arrays are written last, so older files simply end earlier. */
        public boolean atEnd() throws IOException {
            in.mark(1);
            int next = in.read();
            in.reset();
            return next < 0;
        }

        public String string(String name) throws IOException {
            head(name, 'S');
            return in.readUTF();
        }

        public double number(String name) throws IOException {
            head(name, 'D');
            return in.readDouble();
        }

        private int head(String name, char type) throws IOException {
            try {
                String n = in.readUTF();
                char t = in.readChar();
                int len = in.readInt();
                if (!n.equals(name) || t != type || len < 0) {
                    throw new InputFormatException(file.toString(), 0, name, "found array '" + n + "' of type " + t
                            + " and length " + len + " where '" + name + "' of type " + type + " was expected");
                }
                return len;
            } catch (EOFException e) {
                throw new InputFormatException(file.toString(), 0, name, "file ends before this array");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
