package dev.seqmind.cli.bench;

import dev.seqmind.data.ingest.IngestResult;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench ingest}: ingests a CSV log with seqmind and, on the same file in the same run, with DuckDB's
 * own {@code read_csv} + group-by, each in a fresh child JVM so that its peak resident memory (VmHWM) is its own.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest benchmark: seqmind's reader + CSR build vs DuckDB read_csv + group-by on the same file.",
                "Prints rows/s, peak memory of each side, and the ratio of seqmind's peak to its final CSR size."})
public final class IngestBench implements Callable<Integer> {
    @Parameters(paramLabel = "CSV", description = "A log with a header: user,item,action,timestamp "
            + "(e.g. made by 'seqmind generate').")
    Path csv;

    @Option(names = "--heap", paramLabel = "SIZE", description = {"Max heap of the child JVMs (default: ${DEFAULT-VALUE}).",
            "Give ~2.8x the CSR size (13 bytes an event) to prove the peak live memory stays under 3x."})
    String heap = "6g";

    @Option(names = "--child", hidden = true, description = "Internal: run one side in this JVM (seqmind|duckdb).")
    String child;

    @Override
    public Integer call() throws Exception {
        if (child != null) {
            return "duckdb".equals(child) ? runDuckDb() : runSeqmind();
        }
        long bytes = Files.size(csv);
        System.out.printf("file %s: %,d bytes%n", csv, bytes);
        String ours = spawn("seqmind");
        String theirs = spawn("duckdb");
        System.out.println(ours);
        System.out.println(theirs);
        double oursSecs = field(ours, "secs");
        double theirSecs = field(theirs, "secs");
        System.out.printf("ratio: seqmind time / DuckDB time = %.2f (below 1: seqmind faster)%n", oursSecs / theirSecs);
        System.out.printf("seqmind peak RSS / final CSR size = %.2f; peak live heap / CSR size = %.2f (target <= 3)%n",
                field(ours, "peakRssMiB") / field(ours, "csrMiB"), field(ours, "peakHeapMiB") / field(ours, "csrMiB"));
        return 0;
    }

    private String spawn(String side) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx" + heap, "-XX:+UseParallelGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.seqmind.cli.SeqmindCommand", "bench", "ingest", "--child", side, csv.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(side + " child failed: " + out);
        }
        return out;
    }

    private static double field(String line, String name) {
        for (String part : line.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return Double.parseDouble(part.substring(name.length() + 1).replace(",", ""));
            }
        }
        throw new IllegalStateException("no " + name + " in: " + line);
    }

    private int runSeqmind() throws IOException {
        PeakHeap peak = PeakHeap.start();
        long t0 = System.nanoTime();
        IngestResult r = new Ingestor(Progress.NONE).run(IngestSpec.of("bench", InputSpec.of(csv, InputFormat.CSV)));
        double secs = (System.nanoTime() - t0) / 1e9;
        SequenceDataset d = r.dataset();
        System.out.printf("seqmind: rows=%d secs=%.2f rowsPerSec=%,.0f users=%d items=%d csrMiB=%.1f peakHeapMiB=%.1f "
                        + "peakRssMiB=%.1f%n", d.numInteractions(), secs, d.numInteractions() / secs, d.numUsers(),
                d.numItems(), d.csrBytes() / 1048576.0, peak.stop() / 1048576.0, PeakHeap.peakRssBytes() / 1048576.0);
        return 0;
    }

    private int runDuckDb() throws SQLException {
        long t0 = System.nanoTime();
        long rows;
        long users;
        double readSecs;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            String path = csv.toAbsolutePath().toString().replace("'", "''");
            s.execute("CREATE TABLE events AS SELECT * FROM read_csv('" + path + "', header = true)");
            readSecs = (System.nanoTime() - t0) / 1e9;
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT user) FROM events")) {
                rs.next();
                rows = rs.getLong(1);
                users = rs.getLong(2);
            }
            // the same grouping seqmind produces: one time-ordered item list per user
            s.execute("CREATE TABLE sequences AS SELECT user, list(item ORDER BY timestamp) AS items "
                    + "FROM events GROUP BY user");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("duckdb:  rows=%d secs=%.2f rowsPerSec=%,.0f users=%d readCsvSecs=%.2f peakRssMiB=%.1f%n", rows,
                secs, rows / secs, users, readSecs, PeakHeap.peakRssBytes() / 1048576.0);
        return 0;
    }
}
