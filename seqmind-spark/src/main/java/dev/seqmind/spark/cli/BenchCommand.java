package dev.seqmind.spark.cli;

import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.mining.CountingSink;
import dev.seqmind.mining.ItemsetGrouping;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRule;
import dev.seqmind.mining.rules.SequentialRuleMiner;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.spark.ingest.CleaningSpec;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.ingest.SparkIngest;
import dev.seqmind.spark.mine.EncodedLog;
import dev.seqmind.spark.mine.EncodedSequence;
import dev.seqmind.spark.mine.SparkRuleMiner;
import dev.seqmind.spark.mine.SparkSequenceMiner;
import dev.seqmind.spark.rec.SparkItemKnn;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.fpm.PrefixSpan;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code seqmind-spark bench}: generated logs of each size through ingest, sequential-pattern mining, item-KNN and
 * sequential rules,
 * on one machine (seqmind's own code, in this JVM, with as many threads as Spark has cores) and on Spark, plus MLlib's
 * {@code PrefixSpan} on the same mining task; prints seconds, ratios and pattern counts.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark: generated logs through ingest, mining, item-KNN and sequential rules on one machine"
                + " and on Spark,"
                + " and MLlib PrefixSpan on the same mining task. Prints seconds and ratios (Spark / one machine,"
                + " PrefixSpan / seqmind on Spark) and the pattern counts of both miners.",
                "The single-machine side runs in the driver JVM: give it the heap (-Xmx) a log of that size needs."})
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Option(names = "--events", split = ",", defaultValue = "2000000,5000000",
            description = "Log sizes in events. Default: ${DEFAULT-VALUE}.")
    List<Long> events;

    @Option(names = "--events-per-user", defaultValue = "40",
            description = "Mean events per user of the generated logs. Default: ${DEFAULT-VALUE}.")
    int eventsPerUser;

    @Option(names = "--items", defaultValue = "50000", description = "Items of the generated logs. Default: ${DEFAULT-VALUE}.")
    int items;

    @Option(names = {"-s", "--min-support"}, defaultValue = "0.02",
            description = "Mining: minimum support as a fraction of users. Default: ${DEFAULT-VALUE}.")
    double minSupport;

    @Option(names = "--max-length", defaultValue = "4",
            description = "Mining: longest pattern in items (PrefixSpan's maxPatternLength). Default: ${DEFAULT-VALUE}.")
    int maxLength;

    @Option(names = "--jobs", split = ",", defaultValue = "ingest,mine,knn,rules",
            description = "Jobs to time (ingest, mine, knn, rules). Without ingest, the Spark side reads the"
                    + " ingested log a previous run left in --work. Default: ${DEFAULT-VALUE}.")
    List<String> jobs;

    @Option(names = "--mllib-cap", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Stop MLlib PrefixSpan after this many seconds and report it as exceeding the cap."
                    + " Default: ${DEFAULT-VALUE}.")
    long mllibCap;

    @Option(names = "--min-confidence", defaultValue = "0.1",
            description = "Rules: minimum confidence (rules of at most 2 => 1 items). Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--work", required = true, paramLabel = "DIR",
            description = "Where the generated logs and Spark outputs go (reused: a log of the same size is not"
                    + " generated again).")
    Path work;

    private final ShuffleMeter meter = new ShuffleMeter();

    @Override
    public Integer call() throws IOException {
        SparkSession spark = SparkSessions.start(session.spec("bench"));
        spark.sparkContext().addSparkListener(meter);
        int cores = spark.sparkContext().defaultParallelism();
        int threads = Math.max(1, Math.min(cores, Runtime.getRuntime().availableProcessors()));
        System.out.printf(Locale.ROOT, "master %s, %d partitions; one machine: %d threads; mining at support %.3f,"
                + " max length %d%n", spark.sparkContext().master(), session.partitions, threads, minSupport,
                maxLength);
        System.out.printf(Locale.ROOT, "%-10s %-8s %10s %10s %8s %10s %8s %11s %10s %s%n", "events", "job", "one s",
                "spark s", "ratio", "mllib s", "ratio", "shuffle MB", "task MiB", "result");
        for (long n : events) {
            Path csv = generate(n);
            String out = work.resolve("spark-" + n).toString();
            long t = System.nanoTime();
            SequenceDataset data = new Ingestor(Progress.NONE).run(IngestSpec.of("bench", InputSpec.of(csv,
                    InputFormat.CSV))).dataset();
            double oneIngest = secs(t);
            if (jobs.contains("ingest") || !Files.exists(Path.of(out, "ingest.json"))) {
                Trees.delete(Path.of(out));
                meter.take();
                t = System.nanoTime();
                SparkIngest.run(spark, List.of(csv.toString()), "csv", CleaningSpec.NONE, "bench", out,
                        session.partitions);
                double sparkIngest = secs(t);
                row(n, "ingest", oneIngest, sparkIngest, Double.NaN, meter.take(), data.numUsers() + " users, "
                        + data.numInteractions() + " events");
            }
            Dataset<Row> table = SequenceTable.read(spark, out);
            if (jobs.contains("mine")) {
                mine(spark, n, data, table, threads);
            }
            if (jobs.contains("knn")) {
                ItemKnnTrainer knn = ItemKnnTrainer.defaults();
                t = System.nanoTime();
                knn.fit(data, FitContext.of(threads));
                double oneKnn = secs(t);
                meter.take();
                t = System.nanoTime();
                SparkItemKnn.fit(table, knn, Map.of(), "bench", session.partitions);
                double sparkKnn = secs(t);
                row(n, "item-knn", oneKnn, sparkKnn, Double.NaN, meter.take(), "");
            }
            if (jobs.contains("rules")) {
                rules(n, data, table, threads);
            }
        }
        return 0;
    }

    /** Sequential rules (at most 2 => 1 items) on one machine and on Spark; compares them by item names. */
    private void rules(long n, SequenceDataset data, Dataset<Row> table, int threads) {
        RuleParams params = RuleParams.of(MinSupport.fraction(minSupport), minConfidence).withSizes(2, 1)
                .withThreads(threads);
        long t = System.nanoTime();
        SequenceDatabase db = SequenceDatabase.of(data, ItemsetGrouping.SAME_TIME);
        java.util.Set<String> one = new java.util.HashSet<>();
        SequentialRuleMiner.mine(db, params, r -> one.add(ruleKey(r, i -> db.itemIds().externalId(i))));
        double oneRules = secs(t);
        meter.take();
        t = System.nanoTime();
        EncodedLog log = EncodedLog.of(table);
        SparkRuleMiner.Result found = SparkRuleMiner.mine(log.sequences(), log.itemNames().size(), params,
                session.partitions);
        double sparkRules = secs(t);
        ShuffleMeter.Figures shuffled = meter.take();
        java.util.Set<String> spark = new java.util.HashSet<>();
        found.rules().forEach(r -> spark.add(ruleKey(r, log.itemNames()::get)));
        row(n, "rules", oneRules, sparkRules, Double.NaN, shuffled, String.format(Locale.ROOT,
                "rules: one machine %d, spark %d%s", one.size(), spark.size(), one.equals(spark) ? " (equal)"
                        : " (DIFFERENT)"));
    }

    private static String ruleKey(SequentialRule r, java.util.function.IntFunction<String> name) {
        return java.util.Arrays.stream(r.antecedent()).mapToObj(name).sorted().toList() + " => "
                + java.util.Arrays.stream(r.consequent()).mapToObj(name).sorted().toList() + " #" + r.support()
                + " " + r.confidence() + " " + r.lift();
    }

    private void mine(SparkSession spark, long n, SequenceDataset data, Dataset<Row> table, int threads) {

        SequenceMiningParams params = SequenceMiningParams.of(MinSupport.fraction(minSupport))
                .withConstraints(PatternConstraints.NONE.withLength(1, maxLength)).withThreads(threads);
        long t = System.nanoTime();
        CountingSink counted = new CountingSink();
        SequentialPatternMiner.mine(data, params, counted);
        double oneMine = secs(t);
        meter.take();
        t = System.nanoTime();
        EncodedLog log = EncodedLog.of(table);
        long sparkPatterns = SparkSequenceMiner.mine(log.sequences(), log.itemNames().size(), params,
                session.partitions).count();
        double sparkMine = secs(t);
        ShuffleMeter.Figures shuffled = meter.take();
        t = System.nanoTime();
        long mllibPatterns = prefixSpan(spark, EncodedLog.of(table).sequences());
        double mllib = secs(t);
        ShuffleMeter.Figures mllibShuffled = meter.take();
        String found = mllibPatterns < 0 ? String.format(Locale.ROOT, "PrefixSpan stopped at the cap of %d s",
                mllibCap) : String.format(Locale.ROOT, "PrefixSpan %d (its shuffle %.1f MB, task peak %.0f MiB)",
                mllibPatterns, mllibShuffled.shuffleBytes() / 1e6, mllibShuffled.peakTaskBytes() / 1048576.0);
        row(n, "mine", oneMine, sparkMine, mllibPatterns < 0 ? Double.POSITIVE_INFINITY : mllib, shuffled,
                String.format(Locale.ROOT, "patterns: one machine %d, spark %d, %s%s", counted.count(),
                        sparkPatterns, found, counted.count() == sparkPatterns
                                && (mllibPatterns < 0 || sparkPatterns == mllibPatterns) ? " (equal)"
                                : " (DIFFERENT)"));
    }

    /** MLlib's PrefixSpan on the same sequences of itemsets; returns how many patterns it finds. */
    private long prefixSpan(SparkSession spark, JavaRDD<EncodedSequence> sequences) {
        StructType schema = new StructType().add("sequence", DataTypes.createArrayType(
                DataTypes.createArrayType(DataTypes.IntegerType, false), false), false);
        JavaRDD<Row> rows = sequences.map(s -> {
            List<int[]> sets = new ArrayList<>();
            for (int k = 0, from = 0; k < s.items().length; k++) {
                if (k + 1 == s.items().length || s.itemsets()[k + 1] != s.itemsets()[k]) {
                    sets.add(java.util.Arrays.copyOfRange(s.items(), from, k + 1));
                    from = k + 1;
                }
            }
            return RowFactory.create((Object) sets.toArray(new int[0][]));
        });
        org.apache.spark.SparkContext sc = spark.sparkContext();
        String group = "bench-prefixspan";
        sc.setJobGroup(group, "MLlib PrefixSpan (capped at " + mllibCap + " s)", true);
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicBoolean capped = new java.util.concurrent.atomic.AtomicBoolean();
        timer.schedule(() -> {
            capped.set(true);
            sc.cancelJobGroup(group);
        }, mllibCap, java.util.concurrent.TimeUnit.SECONDS);
        try {
            return new PrefixSpan().setMinSupport(minSupport).setMaxPatternLength(maxLength)
                    .setMaxLocalProjDBSize(32_000_000L)
                    .findFrequentSequentialPatterns(spark.createDataFrame(rows, schema)).count();
        } catch (Exception e) { // a cancelled job raises Spark's checked SparkException
            if (capped.get()) {
                return -1;
            }
            throw e;
        } finally {
            timer.shutdownNow();
            sc.clearJobGroup();
        }
    }

    private Path generate(long n) throws IOException {
        Path dir = work.resolve("log-" + n);
        Path csv = dir.resolve(LogGenerator.DEFAULT_LOG_FILE);
        if (!Files.exists(csv)) {
            int users = (int) Math.max(1, n / eventsPerUser);
            new LogGenerator(GeneratorConfig.of(users, items, n, 7)).writeTo(dir, LogGenerator.DEFAULT_LOG_FILE,
                    Progress.NONE);
        }
        return csv;
    }

    /** One line: seconds, ratios, what the Spark side shuffled and its largest task's peak execution memory. */
    private static void row(long n, String job, double one, double spark, double mllib, ShuffleMeter.Figures shuffled,
                            String result) {
        System.out.printf(Locale.ROOT, "%-10d %-8s %10.1f %10.1f %8.2f %10s %8s %11.1f %10.0f %s%n", n, job, one, spark,
                spark / one,
                Double.isNaN(mllib) ? "-" : Double.isInfinite(mllib) ? "capped" : String.format(Locale.ROOT, "%.1f",
                        mllib),
                Double.isNaN(mllib) || Double.isInfinite(mllib) ? "-" : String.format(Locale.ROOT, "%.2f",
                        mllib / spark), shuffled.shuffleBytes() / 1e6, shuffled.peakTaskBytes() / 1048576.0, result);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
