package dev.seqmind.data.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Streams {@code user,item,action,timestamp} rows to a file, formatting numbers straight into a byte buffer (no
 * string per row), gzip-compressed (fastest level) when the file name ends in {@code .gz}. Memory is constant.
 * Not thread-safe.
 */
final class CsvLogWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 18;

    private final OutputStream out;
    private final byte[][] actionBytes;
    private final byte[] buf = new byte[BUFFER];
    private int pos;

    CsvLogWriter(Path file, String[] actions) throws IOException {
        out = open(file);
        actionBytes = new byte[actions.length][];
        for (int i = 0; i < actions.length; i++) {
            actionBytes[i] = actions[i].getBytes(StandardCharsets.UTF_8);
        }
        text("user,item,action,timestamp\n");
    }

    /** A buffered stream to a new or truncated {@code file}, gzip when its name ends in {@code .gz}. */
    static OutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            return new GZIPOutputStream(raw, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        return raw;
    }

    void row(long user, long item, int action, long timestamp) throws IOException {
        if (BUFFER - pos < 80) {
            flushBuffer();
        }
        number(user);
        buf[pos++] = ',';
        number(item);
        buf[pos++] = ',';
        byte[] a = actionBytes[action];
        System.arraycopy(a, 0, buf, pos, a.length);
        pos += a.length;
        buf[pos++] = ',';
        number(timestamp);
        buf[pos++] = '\n';
    }

    private void number(long v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        pos = end;
    }

    private void text(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (BUFFER - pos < b.length) {
            flushBuffer();
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
