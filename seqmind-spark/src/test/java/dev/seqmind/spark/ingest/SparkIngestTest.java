package dev.seqmind.spark.ingest;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.ingest.IngestReport;
import dev.seqmind.data.ingest.IngestResult;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.spark.LocalSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spark ingest against the single-machine {@link Ingestor} on the same files: the same cleaning report (rows in and
 * out per step, drops per reason with the same first examples as {@code file:line}) and the same dataset, dense ids
 * included.
 */
@ExtendWith(LocalSpark.class)
class SparkIngestTest {
    @TempDir
    Path dir;

    @Test
    void csvWithMalformedRowsGivesTheSingleMachineReportAndDataset(SparkSession spark) throws IOException {
        List<Path> files = List.of(log("a.csv", ",", 1), log("b.csv", ",", 2), log("c.csv", ",", 3));
        CleaningSpec cleaning = new CleaningSpec(true, List.of(), true, 0, 2, 50, 0, 0)
                .withTimeRange(TimeRange.plausible(java.time.Instant.parse("2026-01-01T00:00:00Z")));
        assertSameAsSingleMachine(spark, files, "csv", cleaning);
    }

    @Test
    void tsvAndJsonLinesWithActionFilterAndSessions(SparkSession spark) throws IOException {
        CleaningSpec cleaning = new CleaningSpec(false, List.of("pv", "buy"), false, 5_000, 0, 0, Long.MIN_VALUE,
                Long.MAX_VALUE);
        assertSameAsSingleMachine(spark, List.of(log("t1.tsv", "\t", 4), log("t2.tsv", "\t", 5)), "tsv", cleaning);
        assertSameAsSingleMachine(spark, List.of(jsonLog("j.jsonl", 6)), "jsonl", CleaningSpec.NONE);
    }

    @Test
    void parquetFilesGiveTheReportAndDatasetOfTheSameRowsAsJsonLines(SparkSession spark) throws IOException {
        Path pq = Files.createDirectories(dir.resolve("pq"));
        Path oracle = Files.createDirectories(dir.resolve("oracle"));
        List<Path> parquet = new ArrayList<>();
        List<Path> jsonl = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            boolean instants = f == 1;
            List<org.apache.spark.sql.Row> rows = new ArrayList<>();
            StringBuilder json = new StringBuilder();
            SplittableRandom rnd = new SplittableRandom(20 + f);
            for (int r = 0; r < 900; r++) {
                String user = "u" + rnd.nextInt(60);
                String item = "i" + (int) Math.sqrt(rnd.nextInt(3_000));
                long millis = 1_700_000_000_000L + rnd.nextInt(400) * 1000L;
                int bad = rnd.nextInt(60);
                if (bad == 0) {
                    user = null;
                } else if (bad == 1) {
                    item = "";
                } else if (bad == 2) {
                    item = "i\u0007x";
                } else if (bad == 3) {
                    millis = instants ? -86_400_000L * 365 * 10 : -5L;
                }
                String action = rnd.nextInt(4) == 0 ? "buy" : "pv";
                rows.add(org.apache.spark.sql.RowFactory.create(user, item, action,
                        instants ? java.time.Instant.ofEpochMilli(millis) : (Object) millis));
                json.append('{');
                if (user != null) {
                    json.append("\"user_id\":\"").append(user).append("\",");
                }
                json.append("\"item_id\":\"").append(item.replace("\u0007", "\\u0007")).append("\",\"action\":\"")
                        .append(action).append('"');
                json.append(",\"timestamp\":").append(instants ? "\"" + java.time.Instant.ofEpochMilli(millis)
                        + "\"" : String.valueOf(millis)).append("}\n");
            }
            var schema = new org.apache.spark.sql.types.StructType().add("user_id", "string").add("item_id", "string")
                    .add("action", "string").add("timestamp", instants ? "timestamp" : "long");
            String name = (char) ('a' + f) + ".parquet";
            Path written = dir.resolve("w" + f);
            spark.createDataFrame(rows, schema).coalesce(1).write().parquet(written.toString());
            try (var parts = Files.list(written)) {
                Files.move(parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                        .orElseThrow(), pq.resolve(name));
            }
            parquet.add(pq.resolve(name));
            jsonl.add(Files.writeString(oracle.resolve(name), json.toString()));
        }
        CleaningSpec cleaning = new CleaningSpec(true, List.of(), true, 0, 2, 0, 0, 0)
                .withTimeRange(TimeRange.plausible(java.time.Instant.parse("2026-01-01T00:00:00Z")));
        IngestResult local = new Ingestor(Progress.NONE).run(new IngestSpec("log", jsonl.stream()
                .map(p -> InputSpec.of(p, InputFormat.JSONL)).toList(), List.of(), false, Optional.empty(),
                cleaning.steps(), java.util.Map.of(), cleaning.timeRange()));
        String out = dir.resolve("spark-parquet").toString();
        IngestSummary summary = SparkIngest.run(spark, List.of(pq.toString()), "auto", cleaning, "log", out, 3);
        assertThat(local.report().steps().get(0).drops()).as("the rows hold every kind of bad value")
                .hasSizeGreaterThanOrEqualTo(4);
        assertSameSteps(summary.report(), local.report(), where -> where.replace(oracle.toString(), pq.toString()));
        SequenceDataset fromSpark = SequenceTable.toDataset(spark, out);
        assertThat(eventsByUser(fromSpark)).isEqualTo(eventsByUser(local.dataset()));
    }

    @Test
    void fileThatIsNotParquetFailsNamingTheFile(SparkSession spark) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.parquet"), "user,item\nu1,i1\n");
        assertThatThrownBy(() -> SparkIngest.run(spark, List.of(bad.toString()), "auto", CleaningSpec.NONE, "x",
                dir.resolve("out3").toString(), 2)).isInstanceOf(SeqmindException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("not a readable Parquet file");
    }

    @Test
    void missingInputFailsWithOneClearMessage(SparkSession spark) {
        assertThatThrownBy(() -> SparkIngest.run(spark, List.of(dir.resolve("nope.csv").toString()), "csv",
                CleaningSpec.NONE, "x", dir.resolve("out").toString(), 2))
                .isInstanceOf(SeqmindException.class).hasMessageContaining("nope.csv: no such file");
    }

    @Test
    void fileInTheWrongFormatFailsNamingTheFile(SparkSession spark) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "just,some,columns\n1,2,3\n");
        assertThatThrownBy(() -> SparkIngest.run(spark, List.of(bad.toString()), "csv", CleaningSpec.NONE, "x",
                dir.resolve("out2").toString(), 2)).isInstanceOf(SeqmindException.class)
                .hasMessageContaining(bad.toString()).hasMessageNotContaining("seqmind-ingest");
    }

    private void assertSameAsSingleMachine(SparkSession spark, List<Path> files, String format, CleaningSpec cleaning)
            throws IOException {
        List<InputSpec> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(InputSpec.of(f, InputFormat.valueOf(format.toUpperCase())));
        }
        IngestSpec spec = new IngestSpec("log", inputs, List.of(), false, Optional.empty(), cleaning.steps(),
                java.util.Map.of(), cleaning.timeRange());
        IngestResult local = new Ingestor(Progress.NONE).run(spec);
        String out = dir.resolve("spark-" + format).toString();
        IngestSummary summary = SparkIngest.run(spark, files.stream().map(Path::toString).toList(), format, cleaning,
                "log", out, 3);
        IngestReport expected = local.report();
        assertSameSteps(summary.report(), expected, where -> where);
        assertThat(expected.steps().get(0).dropped()).as("the log has malformed rows").isPositive();
        SequenceDataset fromSpark = SequenceTable.toDataset(spark, out);
        assertThat(eventsByUser(fromSpark)).isEqualTo(eventsByUser(local.dataset()));
        assertThat(fromSpark.info().steps()).isEqualTo(local.dataset().info().steps());
    }

    /**
     * Step by step: rows in and out, and drops and warnings per reason with the same examples ({@code where} maps the
     * single-machine examples' file names to the Spark run's).
     */
    private static void assertSameSteps(IngestReport actual, IngestReport expected,
                                        java.util.function.UnaryOperator<String> where) {
        assertThat(actual.steps()).hasSameSizeAs(expected.steps());
        for (int s = 0; s < expected.steps().size(); s++) {
            StepReport e = expected.steps().get(s);
            StepReport a = actual.steps().get(s);
            assertThat(a.step()).isEqualTo(e.step());
            assertThat(a.rowsIn()).as(e.step()).isEqualTo(e.rowsIn());
            assertThat(a.rowsOut()).as(e.step()).isEqualTo(e.rowsOut());
            assertThat(a.drops()).as(e.step()).containsExactlyInAnyOrderElementsOf(relabel(e.drops(), where));
            assertThat(a.warnings()).as(e.step()).containsExactlyInAnyOrderElementsOf(relabel(e.warnings(), where));
        }
    }

    private static List<StepReport.Drop> relabel(List<StepReport.Drop> drops,
                                                 java.util.function.UnaryOperator<String> where) {
        return drops.stream().map(d -> new StepReport.Drop(d.reason(), d.count(), d.examples().stream().map(where)
                .toList())).toList();
    }

    /** Every user's events as external ids, in the dataset's order: equal datasets up to dense numbering. */
    private static java.util.Map<String, List<String>> eventsByUser(SequenceDataset d) {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        for (int u = 0; u < d.numUsers(); u++) {
            List<String> events = new ArrayList<>();
            for (int i = d.start(u); i < d.end(u); i++) {
                events.add(d.items().externalId(d.item(i)) + "/" + d.actions().externalId(d.action(i)) + "@"
                        + d.time(i));
            }
            out.put(d.users().externalId(u), events);
        }
        return out;
    }

    /** A log with duplicates, repeats and about 3% malformed rows (missing item, bad time, short row). */
    private Path log(String name, String sep, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("user_id" + sep + "item_id" + sep + "action" + sep + "timestamp\n");
        String[] actions = {"pv", "cart", "buy"};
        for (int r = 0; r < 1500; r++) {
            String user = "u" + rnd.nextInt(120);
            String item = "i" + (int) Math.sqrt(rnd.nextInt(40_000));
            String time = String.valueOf(1_700_000_000_000L + rnd.nextInt(200) * 1000L);
            int bad = rnd.nextInt(100);
            if (bad == 0) {
                item = "";
            } else if (bad == 1) {
                time = "yesterday";
            } else if (bad == 3) {
                time = "-5";
            } else if (bad == 4) {
                item = "i\u0007x";
            }
            sb.append(user).append(sep).append(item);
            if (bad != 2) {
                sb.append(sep).append(actions[rnd.nextInt(3)]).append(sep).append(time);
            }
            sb.append('\n');
            if (rnd.nextInt(20) == 0) {
                sb.append(user).append(sep).append(item).append(sep).append("pv").append(sep).append(time)
                        .append('\n');
            }
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private Path jsonLog(String name, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 800; r++) {
            if (rnd.nextInt(40) == 0) {
                sb.append("{\"user_id\": \"u1\", \"item_id\": \n");
                continue;
            }
            sb.append("{\"user_id\": \"u").append(rnd.nextInt(50)).append("\", \"item_id\": \"i")
                    .append(rnd.nextInt(70)).append("\", \"timestamp\": ").append(1_700_000_000L + rnd.nextInt(500))
                    .append("}\n");
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }
}
