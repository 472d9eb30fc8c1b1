package dev.seqmind.data.store;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.SequenceDataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * {@code events.bin}: a dataset's CSR arrays as raw little-endian numbers, so that loading is a few bulk copies
 * from a memory-mapped file. Layout (every section starts 8-byte aligned, so other tools can map it directly):
 * <pre>
 * offset 0   8 bytes  magic "SQMEVT01"
 *            int      format version (1)
 *            int      users U
 *            int      items
 *            int      actions
 *            long     events N
 *            ...      zero padding up to byte 64
 * 64         long[N]  times
 * 64+8N      int[U+1] offsets (offsets[0] = 0, offsets[U] = N)
 *            int[N]   item ids
 *            byte[N]  action ids
 * </pre>
 * Stateless; each call opens and closes the file.
 */
final class EventsFile {
    static final int VERSION = 1;
    /** Passed as the expected checksum to skip the check. */
    static final long NO_CHECK = -1;
    private static final byte[] MAGIC = "SQMEVT01".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 64;
    private static final int BUFFER = 1 << 20;
    /** Largest region mapped at once; a multiple of 8 well below the 2 GB limit of one mapping. */
    private static final long MAP_CHUNK = 1L << 28;

    private EventsFile() {
    }

    static long expectedSize(int users, long events) {
        return HEADER + 8L * events + 4L * (users + 1) + 4L * events + events;
    }

    /** Writes {@code data}'s arrays to a new file {@code file}, forces it to disk, and returns its CRC-32. */
    static long write(SequenceDataset data, Path file) throws IOException {
        CRC32 crc = new CRC32();
        int users = data.numUsers();
        int n = data.numInteractions();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
            buf.put(MAGIC).putInt(VERSION).putInt(users).putInt(data.numItems()).putInt(data.actions().size())
                    .putLong(n);
            buf.put(new byte[HEADER - buf.position()]);
            for (int i = 0; i < n; i++) {
                if (buf.remaining() < 8) {
                    drain(ch, buf, crc);
                }
                buf.putLong(data.time(i));
            }
            for (int u = 0; u <= users; u++) {
                if (buf.remaining() < 4) {
                    drain(ch, buf, crc);
                }
                buf.putInt(u == users ? n : data.start(u));
            }
            for (int i = 0; i < n; i++) {
                if (buf.remaining() < 4) {
                    drain(ch, buf, crc);
                }
                buf.putInt(data.item(i));
            }
            for (int i = 0; i < n; i++) {
                if (!buf.hasRemaining()) {
                    drain(ch, buf, crc);
                }
                buf.put((byte) data.action(i));
            }
            drain(ch, buf, crc);
            ch.force(true);
        }
        return crc.getValue();
    }

    private static void drain(FileChannel ch, ByteBuffer buf, CRC32 crc) throws IOException {
        buf.flip();
        crc.update(buf.duplicate());
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }

    /**
     * Reads the arrays, checking the header against the counts the manifest promises.
     *
     * @throws InputFormatException naming the file when it is missing, truncated or does not match the manifest
     */
    static CsrArrays read(Path file, int users, int items, int actions, long events, long expectedCrc)
            throws IOException {
        String where = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER) {
                throw new InputFormatException(where, 0, "", "truncated: " + size + " bytes, shorter than its "
                        + HEADER + "-byte header; ingest the data again");
            }
            ByteBuffer h = ch.map(FileChannel.MapMode.READ_ONLY, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            h.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InputFormatException(where, 0, "header", "not a seqmind events file (bad magic bytes)");
            }
            int version = h.getInt();
            if (version != VERSION) {
                throw new InputFormatException(where, 0, "version", "version " + version
                        + " is not supported (this seqmind reads " + VERSION + "); ingest the data again");
            }
            int u = h.getInt();
            int it = h.getInt();
            int ac = h.getInt();
            long n = h.getLong();
            if (u != users || it != items || ac != actions || n != events) {
                throw new InputFormatException(where, 0, "header", "counts " + u + "/" + it + "/" + ac + "/" + n
                        + " (users/items/actions/events) do not match dataset.json's " + users + "/" + items + "/"
                        + actions + "/" + events + "; the directory mixes files of two datasets: ingest again");
            }
            if (n > Integer.MAX_VALUE - 8) {
                throw new InputFormatException(where, 0, "header", n + " events do not fit one dataset");
            }
            long expected = expectedSize(u, n);
            if (size != expected) {
                throw new InputFormatException(where, 0, "", (size < expected ? "truncated: " : "too long: ") + size
                        + " bytes where " + expected + " were expected; ingest the data again");
            }
            int count = (int) n;
            long[] times = new long[count];
            int[] offsets = new int[u + 1];
            int[] itemIds = new int[count];
            byte[] actionIds = new byte[count];
            if (expectedCrc != NO_CHECK) {
                long crc = crc32(ch, size);
                if (crc != expectedCrc) {
                    throw new InputFormatException(where, 0, "", "checksum " + Long.toHexString(crc)
                            + " does not match " + Long.toHexString(expectedCrc) + " in dataset.json: the file was "
                            + "changed or damaged; ingest the data again");
                }
            }
            long pos = HEADER;
            pos = readLongs(ch, pos, times);
            pos = readInts(ch, pos, offsets);
            pos = readInts(ch, pos, itemIds);
            readBytes(ch, pos, actionIds);
            return new CsrArrays(offsets, itemIds, times, actionIds);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(where, 0, "", "missing; the dataset directory is incomplete: ingest again");
        }
    }

    /** CRC-32 of the whole file, read through the same mappings the arrays are copied from. */
    private static long crc32(FileChannel ch, long size) throws IOException {
        CRC32 crc = new CRC32();
        for (long pos = 0; pos < size; pos += MAP_CHUNK) {
            crc.update(ch.map(FileChannel.MapMode.READ_ONLY, pos, Math.min(MAP_CHUNK, size - pos)));
        }
        return crc.getValue();
    }

    private static long readLongs(FileChannel ch, long pos, long[] dst) throws IOException {
        int done = 0;
        while (done < dst.length) {
            int len = (int) Math.min(dst.length - done, MAP_CHUNK / 8);
            MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, pos, 8L * len);
            mb.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(dst, done, len);
            done += len;
            pos += 8L * len;
        }
        return pos;
    }

    private static long readInts(FileChannel ch, long pos, int[] dst) throws IOException {
        int done = 0;
        while (done < dst.length) {
            int len = (int) Math.min(dst.length - done, MAP_CHUNK / 4);
            MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, pos, 4L * len);
            mb.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(dst, done, len);
            done += len;
            pos += 4L * len;
        }
        return pos;
    }

    private static void readBytes(FileChannel ch, long pos, byte[] dst) throws IOException {
        int done = 0;
        while (done < dst.length) {
            int len = (int) Math.min(dst.length - done, MAP_CHUNK);
            ch.map(FileChannel.MapMode.READ_ONLY, pos, len).get(dst, done, len);
            done += len;
            pos += len;
        }
    }
}
