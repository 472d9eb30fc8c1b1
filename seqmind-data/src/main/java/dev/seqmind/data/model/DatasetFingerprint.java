package dev.seqmind.data.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A content hash of a {@link SequenceDataset}'s events and id maps, with its counts: two datasets with the same
 * fingerprint hold the same events, in the same order, under the same external ids. The item catalog and the
 * {@link DatasetInfo} are not part of it, so renaming a dataset or adding titles keeps its fingerprint.
 *
 * <p>The hash is SHA-256 over this byte sequence, every number little-endian:
 * the ASCII tag {@code seqmind-dataset-v1}; the counts of users, items, actions and events (4-byte ints); the CSR
 * offsets ({@code users + 1} ints), item ids (ints), times (8-byte longs) and action ids (bytes); then the external
 * ids of users, items and actions in dense-id order, each as its UTF-8 byte length (int) followed by the bytes.
 * It does not depend on how a dataset is stored, so a store can recompute it to detect corruption.
 *
 * @param sha256  the hash as 64 lower-case hex digits
 * @param users   number of users
 * @param items   number of items
 * @param actions number of action types
 * @param events  number of events
 */
public record DatasetFingerprint(String sha256, int users, int items, int actions, long events) {
    private static final byte[] TAG = "seqmind-dataset-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 16;

    public DatasetFingerprint {
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, but got '" + sha256 + "'");
        }
    }

    /** Computes the fingerprint of {@code data}; reads every event once. */
    public static DatasetFingerprint of(SequenceDataset data) {
        MessageDigest md = newDigest();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(TAG);
        int users = data.numUsers();
        int n = data.numInteractions();
        buf.putInt(users).putInt(data.numItems()).putInt(data.actions().size()).putInt(n);
        int[] offsets = new int[users + 1];
        for (int u = 0; u < users; u++) {
            offsets[u] = data.start(u);
        }
        offsets[users] = n;
        putInts(md, buf, offsets);
        // Bulk copies per user: much faster than one put per event before the JIT has warmed up.
        for (int u = 0; u < users; u++) {
            putInts(md, buf, data.itemsOf(u));
        }
        for (int u = 0; u < users; u++) {
            putLongs(md, buf, data.timesOf(u));
        }
        for (int u = 0; u < users; u++) {
            putBytes(md, buf, data.actionsOf(u));
        }
        hashIds(md, buf, data.users());
        hashIds(md, buf, data.items());
        hashIds(md, buf, data.actions());
        buf.flip();
        md.update(buf);
        return new DatasetFingerprint(HexFormat.of().formatHex(md.digest()), users, data.numItems(),
                data.actions().size(), n);
    }

    /** {@code sha256:<hex>}: how provenance records and reports name the data a model saw. */
    public String id() {
        return "sha256:" + sha256;
    }

    /** The first 12 hex digits: enough to tell datasets apart in a report. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }

    private static void hashIds(MessageDigest md, ByteBuffer buf, IdMap ids) {
        for (int i = 0, size = ids.size(); i < size; i++) {
            byte[] b = ids.externalId(i).getBytes(StandardCharsets.UTF_8);
            flushIfFull(md, buf, 4);
            buf.putInt(b.length);
            putBytes(md, buf, b);
        }
    }

    private static void putInts(MessageDigest md, ByteBuffer buf, int[] a) {
        int off = 0;
        while (off < a.length) {
            flushIfFull(md, buf, 4);
            int len = Math.min(a.length - off, buf.remaining() / 4);
            buf.asIntBuffer().put(a, off, len);
            buf.position(buf.position() + 4 * len);
            off += len;
        }
    }

    private static void putLongs(MessageDigest md, ByteBuffer buf, long[] a) {
        int off = 0;
        while (off < a.length) {
            flushIfFull(md, buf, 8);
            int len = Math.min(a.length - off, buf.remaining() / 8);
            buf.asLongBuffer().put(a, off, len);
            buf.position(buf.position() + 8 * len);
            off += len;
        }
    }

    private static void putBytes(MessageDigest md, ByteBuffer buf, byte[] a) {
        int off = 0;
        while (off < a.length) {
            flushIfFull(md, buf, 1);
            int len = Math.min(a.length - off, buf.remaining());
            buf.put(a, off, len);
            off += len;
        }
    }

    private static void flushIfFull(MessageDigest md, ByteBuffer buf, int need) {
        if (buf.remaining() < need) {
            buf.flip();
            md.update(buf);
            buf.clear();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
