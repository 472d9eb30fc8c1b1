package dev.seqmind.neural.text;

import dev.seqmind.data.error.InputFormatException;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Text vectors on disk, one append-only file per model ({@code <dir>/<modelId>.vec}), keyed by the SHA-256 of the
 * text's UTF-8 bytes. Layout: the magic {@code SQMEMB01}, the dimension (int, little-endian), then records of 32
 * hash bytes and {@code dimension} little-endian floats. A record cut short by a crash is ignored at load (and
 * overwritten by the next append), so the file never has to be rewritten.
 *
 * <p>Loaded whole at open (about 1.6 KB per 384-d vector). Thread-safe: all methods are synchronised.
 */
public final class EmbeddingCache {
    private static final byte[] MAGIC = "SQMEMB01".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = 32;

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private int dimension;
    private long validBytes;

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    /**
     * Opens (or starts) the cache of {@code modelId} under {@code dir}.
     *
     * @throws InputFormatException if the file exists but is not a cache file
     */
    public static EmbeddingCache open(Path dir, String modelId) throws IOException {
        Files.createDirectories(dir);
        EmbeddingCache c = new EmbeddingCache(dir.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".vec"));
        c.load();
        return c;
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 4) {
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new InputFormatException(file.toString(), 0, "magic", "not a seqmind embedding cache");
        }
        dimension = buf.getInt();
        if (dimension <= 0) {
            throw new InputFormatException(file.toString(), 0, "dimension", "must be > 0, but got " + dimension);
        }
        int record = HASH + 4 * dimension;
        HexFormat hex = HexFormat.of();
        byte[] h = new byte[HASH];
        while (buf.remaining() >= record) {
            buf.get(h);
            float[] v = new float[dimension];
            buf.asFloatBuffer().get(v);
            buf.position(buf.position() + 4 * dimension);
            vectors.put(hex.formatHex(h), v);
        }
        validBytes = buf.position();
    }

    /** The cache key of {@code text}: hex SHA-256 of its UTF-8 bytes. */
    public static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The cached vector of the text whose {@link #key} is {@code key}, or null. The array must not be modified. */
    public synchronized float[] get(String key) {
        return vectors.get(key);
    }

    /** Vector length of this cache, or 0 while it is empty. */
    public synchronized int dimension() {
        return dimension;
    }

    public synchronized int size() {
        return vectors.size();
    }

    public Path file() {
        return file;
    }

    /**
     * Adds vectors (keys from {@link #key}) and appends them to the file.
     *
     * @throws IllegalArgumentException if a vector's length differs from the cache's dimension
     */
    public synchronized void putAll(Map<String, float[]> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        int d = entries.values().iterator().next().length;
        if (dimension == 0) {
            dimension = d;
        }
        for (float[] v : entries.values()) {
            if (v.length != dimension) {
                throw new IllegalArgumentException("vector of length " + v.length + " for a cache of dimension "
                        + dimension + " (" + file + ")");
            }
        }
        boolean fresh = validBytes == 0;
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(validBytes);
            ch.position(validBytes);
            OutputStream os = java.nio.channels.Channels.newOutputStream(ch);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
            ByteBuffer le = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            if (fresh) {
                out.write(MAGIC);
                out.write(le.putInt(0, dimension).array());
            }
            HexFormat hex = HexFormat.of();
            for (Map.Entry<String, float[]> e : entries.entrySet()) {
                if (vectors.containsKey(e.getKey())) {
                    continue;
                }
                out.write(hex.parseHex(e.getKey()));
                for (float x : e.getValue()) {
                    out.write(le.putFloat(0, x).array());
                }
                vectors.put(e.getKey(), e.getValue().clone());
            }
            out.flush();
            validBytes = ch.position();
        }
    }
}
