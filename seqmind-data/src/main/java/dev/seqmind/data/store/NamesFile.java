package dev.seqmind.data.store;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * {@code names.bin}: the external ids of users, items and actions (in dense-id order) and the item catalog, as
 * little-endian length-prefixed UTF-8 strings. Layout:
 * <pre>
 * 8 bytes magic "SQMNAM01", int format version (1)
 * users, items, actions:  int count, then count strings
 * catalog:                int count, then per entry: item id, title, int k + k categories, text,
 *                         int m + m (key, value) string pairs, keys in sorted order
 * string:                 int byte length, then that many UTF-8 bytes
 * </pre>
 * Stateless.
 */
final class NamesFile {
    static final int VERSION = 1;
    private static final byte[] MAGIC = "SQMNAM01".getBytes(StandardCharsets.US_ASCII);

    private NamesFile() {
    }

    /** What {@code names.bin} holds. */
    record Names(IdMap users, IdMap items, IdMap actions, ItemCatalog catalog) {
    }

    /** Writes a new file, forces it to disk, and returns its CRC-32. */
    static long write(Names names, Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             LittleEndianOut out = new LittleEndianOut(new BufferedOutputStream(new CheckedOutputStream(
                     Channels.newOutputStream(ch), crc), 1 << 16))) {
            out.bytes(MAGIC);
            out.i32(VERSION);
            writeIds(out, names.users());
            writeIds(out, names.items());
            writeIds(out, names.actions());
            Map<String, ItemMetadata> catalog = names.catalog().asMap();
            out.i32(catalog.size());
            for (Map.Entry<String, ItemMetadata> e : catalog.entrySet()) {
                ItemMetadata m = e.getValue();
                out.string(e.getKey());
                out.string(m.title());
                out.i32(m.categories().size());
                for (String c : m.categories()) {
                    out.string(c);
                }
                out.string(m.text());
                TreeMap<String, String> attrs = new TreeMap<>(m.attributes());
                out.i32(attrs.size());
                for (Map.Entry<String, String> a : attrs.entrySet()) {
                    out.string(a.getKey());
                    out.string(a.getValue());
                }
            }
            out.flush();
            ch.force(true);
        }
        return crc.getValue();
    }

    private static void writeIds(LittleEndianOut out, IdMap ids) throws IOException {
        out.i32(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.string(ids.externalId(i));
        }
    }

    /**
     * Reads the file.
     *
     * @throws InputFormatException naming the file when it is missing, truncated or malformed
     */
    static Names read(Path file, long expectedCrc) throws IOException {
        String where = file.toString();
        byte[] all;
        try {
            if (Files.size(file) > Integer.MAX_VALUE - 8) {
                throw new InputFormatException(where, 0, "", "larger than 2 GB, which this version cannot read");
            }
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(where, 0, "", "missing; the dataset directory is incomplete: ingest again");
        }
        if (expectedCrc != EventsFile.NO_CHECK) {
            CRC32 crc = new CRC32();
            crc.update(all);
            if (crc.getValue() != expectedCrc) {
                throw new InputFormatException(where, 0, "", "checksum " + Long.toHexString(crc.getValue())
                        + " does not match " + Long.toHexString(expectedCrc) + " in dataset.json: the file was "
                        + "changed or damaged; ingest the data again");
            }
        }
        ByteBuffer in = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        String section = "header";
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InputFormatException(where, 0, "header", "not a seqmind names file (bad magic bytes)");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new InputFormatException(where, 0, "version", "version " + version
                        + " is not supported (this seqmind reads " + VERSION + "); ingest the data again");
            }
            section = "users";
            IdMap users = readIds(in, where, section);
            section = "items";
            IdMap items = readIds(in, where, section);
            section = "actions";
            IdMap actions = readIds(in, where, section);
            section = "catalog";
            int entries = count(in, where, section);
            LinkedHashMap<String, ItemMetadata> catalog = new LinkedHashMap<>();
            for (int i = 0; i < entries; i++) {
                String item = string(in, where, section);
                String title = string(in, where, section);
                int k = count(in, where, section);
                List<String> cats = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    cats.add(string(in, where, section));
                }
                String text = string(in, where, section);
                int m = count(in, where, section);
                Map<String, String> attrs = new LinkedHashMap<>();
                for (int j = 0; j < m; j++) {
                    attrs.put(string(in, where, section), string(in, where, section));
                }
                catalog.put(item, new ItemMetadata(title, cats, text, attrs));
            }
            if (in.hasRemaining()) {
                throw new InputFormatException(where, 0, "", in.remaining() + " unexpected bytes after the catalog");
            }
            return new Names(users, items, actions, new ItemCatalog(catalog));
        } catch (BufferUnderflowException e) {
            throw new InputFormatException(where, 0, section, "truncated; ingest the data again");
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(where, 0, section, e.getMessage() + "; ingest the data again");
        }
    }

    private static IdMap readIds(ByteBuffer in, String where, String section) {
        int n = count(in, where, section);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(string(in, where, section));
        }
        return IdMap.of(ids);
    }

    private static int count(ByteBuffer in, String where, String section) {
        int n = in.getInt();
        // Every entry takes at least 4 bytes, so a larger count means a damaged file, not a big allocation.
        if (n < 0 || n > in.remaining() / 4) {
            throw new InputFormatException(where, 0, section, "count " + n + " does not fit the " + in.remaining()
                    + " bytes left; the file is damaged: ingest the data again");
        }
        return n;
    }

    private static String string(ByteBuffer in, String where, String section) {
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw new InputFormatException(where, 0, section, "string length " + len + " does not fit the "
                    + in.remaining() + " bytes left; the file is damaged: ingest the data again");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }

    /** Little-endian primitives over a buffered stream (DataOutputStream is big-endian). */
    private static final class LittleEndianOut implements AutoCloseable {
        private final OutputStream out;
        private final byte[] scratch = new byte[4];

        LittleEndianOut(OutputStream out) {
            this.out = out;
        }

        void i32(int v) throws IOException {
            scratch[0] = (byte) v;
            scratch[1] = (byte) (v >>> 8);
            scratch[2] = (byte) (v >>> 16);
            scratch[3] = (byte) (v >>> 24);
            out.write(scratch, 0, 4);
        }

        void bytes(byte[] b) throws IOException {
            out.write(b);
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            out.write(b);
        }

        void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
