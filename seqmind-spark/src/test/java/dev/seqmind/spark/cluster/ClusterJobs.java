package dev.seqmind.spark.cluster;

import dev.seqmind.spark.Main;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same chain of {@code seqmind-spark} commands on any master: ingest, mine sequences, mine itemsets with rules,
 * train markov1 (action-weighted), recommend-all and evaluate item-KNN; each command's result lands in {@code out}.
 * Its {@link #main} is the driver JVM of the standalone-cluster test.
 */
final class ClusterJobs {
    private ClusterJobs() {
    }

    /** {@code master csv out}; exits with the first failing command's code. */
    public static void main(String[] args) throws IOException {
        System.exit(run(args[0], Path.of(args[1]), Path.of(args[2])));
    }

    static int run(String master, Path csv, Path out) throws IOException {
        Files.createDirectories(out);
        String in = out.resolve("ingested").toString();
        String[][] commands = {
                {"ingest", csv.toString(), "-o", in, "--format", "csv", "--name", "log"},
                {"mine", "sequences", "--in", in, "-o", out.resolve("sequences.tsv").toString(), "-s", "0.05"},
                {"mine", "itemsets", "--in", in, "-o", out.resolve("itemsets.tsv").toString(), "-s", "0.08",
                        "--rules", out.resolve("rules.tsv").toString()},
                {"train", "--in", in, "--model", "markov1", "--action-weight", "buy=4,cart=2", "-o",
                        out.resolve("markov1").toString()},
                {"recommend-all", "--in", in, "--model", out.resolve("markov1").toString(), "-k", "5", "--format",
                        "json", "-o", out.resolve("top5").toString()},
                {"evaluate", "--in", in, "--model", "item-knn"},
        };
        PrintStream stdout = System.out;
        try (PrintStream report = new PrintStream(Files.newOutputStream(out.resolve("stdout.txt")), true,
                StandardCharsets.UTF_8)) {
            System.setOut(report);
            for (String[] c : commands) {
                String[] withMaster = java.util.Arrays.copyOf(c, c.length + 4);
                System.arraycopy(new String[] {"--master", master, "--partitions", "3"}, 0, withMaster, c.length, 4);
                int code = Main.execute(withMaster);
                if (code != 0) {
                    return code;
                }
            }
        } finally {
            System.setOut(stdout);
        }
        return 0;
    }
}
