package dev.seqmind.data.read;

import dev.seqmind.data.error.InputFormatException;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens input files: gzip is recognised by its magic bytes, binary and empty files are refused with one clear error. */
public final class InputFiles {
    private static final int SNIFF = 8192;

    private InputFiles() {
    }

    /**
     * A buffered stream of the file's text bytes, decompressed when it is gzip.
     *
     * @throws InputFormatException when the file is missing, empty, or binary
     */
    public static InputStream open(Path file) throws IOException {
        return open(file, n -> { });
    }

    /**
     * As {@link #open(Path)}, telling {@code fileBytesRead} how many bytes of the file itself (before
     * decompression) each read consumed, so progress can be shown against the file's size.
     */
    public static InputStream open(Path file, LongConsumer fileBytesRead) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file.toString(), 0, "", Files.exists(file) ? "not a regular file"
                    : "no such file");
        }
        InputStream raw = new BufferedInputStream(new CountingStream(Files.newInputStream(file), fileBytesRead),
                1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
                : raw;
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length == 0) {
                throw new InputFormatException(file.toString(), 0, "", "the file is empty");
            }
            int nuls = 0;
            for (byte b : head) {
                nuls += b == 0 ? 1 : 0;
            }
            // binary files and UTF-16 text are full of NULs; a stray one in a text log is a row fault, counted later
            if (nuls * 10 > head.length || (nuls >= 4 && nuls * 100 >= head.length)) {
                throw new InputFormatException(file.toString(), 0, "", "binary data (" + nuls + " NUL bytes in the "
                        + "first " + head.length + "), not a UTF-8 text log: convert it to CSV, TSV or JSON lines");
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            if (e instanceof ZipException) {
                throw new InputFormatException(file.toString(), 0, "", "corrupt gzip data: " + e.getMessage());
            }
            throw e;
        }
        return in;
    }

    /**
     * Checks that {@code file} exists before any work starts, so that a mistyped path fails at once.
     *
     * @throws NoSuchFileException naming the file when it does not exist (the command line reports it as such)
     */
    public static void requireExists(Path file) throws NoSuchFileException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
    }

    /** Reports the bytes each read returns. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer counter;

        CountingStream(InputStream in, LongConsumer counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.accept(n);
            }
            return n;
        }
    }
}
