package dev.seqmind.data.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding: after {@link #next()} returns true, the line is
 * {@code buffer()[start(), end())} (line terminator and a trailing {@code \r} excluded) and {@link #lineNumber()} is
 * its 1-based number. The buffer is reused: copy what you keep. Not thread-safe.
 */
public final class LineReader implements AutoCloseable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;
    private long line;

    public LineReader(InputStream in) {
        this.in = in;
    }

    public boolean next() throws IOException {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    emit(pos, i);
                    pos = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    emit(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void emit(int from, int to) {
        start = from;
        end = (to > from && buf[to - 1] == '\r') ? to - 1 : to;
        line++;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public long lineNumber() {
        return line;
    }

    /** True when the current line holds only spaces and tabs. */
    public boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
