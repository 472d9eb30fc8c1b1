package dev.seqmind.data.read;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.ingest.IngestResult;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.progress.Progress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrupts valid logs at random (truncation, bad bytes, dropped delimiters, huge numbers, odd Unicode) and checks
 * that reading never crashes: either one clear {@link InputFormatException}, or every data line accounted for as
 * kept or dropped.
 */
class CorruptInputPropertyTest {
    private static final String[] ODD = {"\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "\u200b", "\ufeff", "\u0301",
            "99999999999999999999999", "-1", "\"", "\"\"", ",", "\t", "::", "\r", "1e400", "NaN", "\\"};

    @Property(tries = 200)
    void corruptedLogsNeverCrashAndAccountForEveryRow(@ForAll long seed,
                                                      @ForAll @IntRange(min = 0, max = 3) int formatIndex)
            throws IOException {
        InputFormat format = new InputFormat[] {InputFormat.CSV, InputFormat.SASREC, InputFormat.SPMF,
                InputFormat.JSONL}[formatIndex];
        SplittableRandom r = new SplittableRandom(seed);
        byte[] corrupted = corrupt(valid(format, r), r);
        Path file = Files.createTempFile("corrupt", suffix(format));
        try {
            Files.write(file, corrupted);
            IngestResult result;
            try {
                result = new Ingestor(Progress.NONE).run(IngestSpec.of("t", InputSpec.of(file, format)));
            } catch (InputFormatException e) {
                assertThat(e.getMessage()).startsWith(file.toString());
                return;
            }
            long dataLines = dataLines(corrupted, format);
            var read = result.report().steps().get(0);
            assertThat(read.rowsIn()).isEqualTo(read.rowsOut() + read.drops().stream()
                    .mapToLong(d -> d.count()).sum());
            if (format == InputFormat.SPMF || format == InputFormat.SASREC || format == InputFormat.JSONL) {
                // SPMF counts events of kept lines, so only an upper bound on lines; others count lines exactly
                assertThat(format == InputFormat.SPMF ? read.drops().stream().mapToLong(d -> d.count()).sum()
                        : read.rowsIn()).isLessThanOrEqualTo(dataLines);
            }
            if (format == InputFormat.CSV || format == InputFormat.SASREC || format == InputFormat.JSONL) {
                assertThat(read.rowsIn()).isEqualTo(dataLines);
            }
            assertThat(result.dataset().numInteractions()).isEqualTo((int) read.rowsOut());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String suffix(InputFormat f) {
        return switch (f) {
            case CSV -> ".csv";
            case JSONL -> ".jsonl";
            default -> ".txt";
        };
    }

    private static byte[] valid(InputFormat format, SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int rows = r.nextInt(1, 40);
        if (format == InputFormat.CSV) {
            sb.append("user,item,action,time\n");
        }
        for (int i = 0; i < rows; i++) {
            int u = r.nextInt(5);
            int it = r.nextInt(20);
            long t = 1_700_000_000L + r.nextInt(100_000);
            switch (format) {
                case CSV -> sb.append('u').append(u).append(",item").append(it).append(",view,").append(t).append('\n');
                case SASREC -> sb.append(u).append(' ').append(it).append('\n');
                case SPMF -> sb.append(it).append(" -1 ").append(it + 1).append(' ').append(it + 2).append(" -1 -2\n");
                default -> sb.append("{\"user\":\"u").append(u).append("\",\"item\":").append(it)
                        .append(",\"timestamp\":").append(t).append("}\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] corrupt(byte[] in, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int cut = r.nextInt(4) == 0 ? r.nextInt(in.length + 1) : in.length;
        for (int i = 0; i < cut; i++) {
            int k = r.nextInt(60);
            if (k == 0) {
                out.write(r.nextInt(256)); // a random byte
            } else if (k == 1) {
                continue; // drop a byte (a delimiter, a quote, a newline...)
            } else if (k == 2) {
                out.writeBytes(ODD[r.nextInt(ODD.length)].getBytes(StandardCharsets.UTF_8));
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    /** Non-blank lines after the header, as the line reader splits them (not counting metadata lines). */
    private static long dataLines(byte[] b, InputFormat format) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        long n = 0;
        boolean header = format == InputFormat.CSV;
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (header) {
                header = false;
                continue;
            }
            if (l.replace(" ", "").replace("\t", "").isEmpty()) {
                continue;
            }
            if (format == InputFormat.SPMF && (l.startsWith("#") || l.startsWith("@") || l.startsWith("%"))) {
                continue;
            }
            n++;
        }
        return n;
    }
}
