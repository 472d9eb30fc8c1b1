package dev.seqmind.spark.ingest;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.read.TimeFormat;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One input file parsed on an executor by seqmind-data's own reader, exactly as {@code seqmind ingest} parses it: the
 * accepted rows (in file order, with their line numbers) and the read step's report for the file. The file is copied
 * from any Hadoop file system to the executor's local disk first (the readers work on local files) and deleted after.
 *
 * @param fileIndex position of the file in the job's input order
 * @param rows      accepted rows: user, item, action, time, file index, line
 * @param read      the read step's report for this file
 * @param timeKind  what the file's times are (clock or positions)
 */
record ParsedFile(int fileIndex, List<Row> rows, Tally read, String timeKind) implements Serializable {
    static final long LINE_MASK = (1L << 40) - 1;

    /** Writes a file's content to a local path. */
    @FunctionalInterface
    interface LocalCopy {
        void to(Path local) throws IOException;
    }

    static ParsedFile parse(int fileIndex, String displayName, PortableDataStream content, String format,
                            TimeRange timeRange) {
        return parse(fileIndex, displayName, local -> {
            try (InputStream in = content.open()) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
        }, format, timeRange);
    }

    /** Parses what {@code copy} writes to a local file as {@code format} ({@code auto}: detected). */
    static ParsedFile parse(int fileIndex, String displayName, LocalCopy copy, String format, TimeRange timeRange) {
        Path dir = null;
        Path local = null;
        try {
            dir = Files.createTempDirectory("seqmind-ingest");
            local = dir.resolve(fileName(displayName));
            copy.to(local);
            InputFormat fmt = "auto".equals(format) ? InputFormat.detect(local) : InputFormat.valueOf(format);
            EventCollector collector = new EventCollector(false, 1 << 16, true, timeRange);
            fmt.reader(null, TimeFormat.AUTO).read(local, collector);
            String localName = local.toString();
            Tally read = Tally.of(collector.report("1 file(s)"), where -> position(fileIndex, where))
                    .renamed(w -> w.replace(localName, displayName));
            TracedEvents te = collector.finish(displayName);
            return new ParsedFile(fileIndex, rows(te, fileIndex), read, te.data().info().timeKind().name());
        } catch (SeqmindException e) {
            throw new SeqmindException(String.valueOf(e.getMessage()).replace(String.valueOf(local), displayName));
        } catch (IOException e) {
            throw new UncheckedIOException(displayName + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static List<Row> rows(TracedEvents te, int fileIndex) {
        SequenceDataset d = te.data();
        List<Row> rows = new ArrayList<>(d.numInteractions());
        for (int u = 0; u < d.numUsers(); u++) {
            for (int i = d.start(u); i < d.end(u); i++) {
                rows.add(RowFactory.create(d.users().externalId(u), d.items().externalId(d.item(i)),
                        d.actions().externalId(d.action(i)), d.time(i), fileIndex, te.sources()[i] & LINE_MASK));
            }
        }
        rows.sort(Comparator.comparingLong(r -> r.getLong(5)));
        return rows;
    }

    /** {@code fileIndex << 40 | line} of an example {@code file:line[: ...]}. */
    static long position(int fileIndex, String where) {
        int colon = where.lastIndexOf(':', where.indexOf(": ") > 0 ? where.indexOf(": ") - 1 : where.length() - 1);
        String tail = where.substring(colon + 1);
        int end = 0;
        while (end < tail.length() && Character.isDigit(tail.charAt(end))) {
            end++;
        }
        long line = end == 0 ? 0 : Long.parseLong(tail.substring(0, end));
        return ((long) fileIndex << 40) | line;
    }

    private static String fileName(String displayName) {
        int slash = displayName.lastIndexOf('/');
        return slash < 0 ? displayName : displayName.substring(slash + 1);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
