package dev.seqmind.spark.cluster;

import dev.seqmind.spark.LocalSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain of {@link ClusterJobs} on a real standalone cluster (a master and two workers as separate JVMs on
 * 127.0.0.1, a driver JVM submitting to it) gives the same files as on local[2] in this JVM: the same patterns,
 * itemsets, rules, Markov model file, top-K lists and evaluation. Bounded to seven minutes; it takes two to three on
 * two cores, so it runs only when asked: {@code -Dseqmind.spark.cluster=true}.
 */
@ExtendWith(LocalSpark.class)
class StandaloneClusterTest {
    @Test
    @Timeout(420)
    @EnabledIfSystemProperty(named = "seqmind.spark.cluster", matches = "true")
    void standaloneClusterGivesTheLocalResults(SparkSession spark, @TempDir Path dir) throws Exception {
        Path csv = log(dir.resolve("log.csv"));
        assertThat(ClusterJobs.run("local[2]", csv, dir.resolve("local"))).isZero();
        try (StandaloneCluster cluster = StandaloneCluster.start(Files.createDirectories(dir.resolve("cluster-run")),
                Duration.ofSeconds(60))) {
            int code = cluster.runDriver("driver", Duration.ofSeconds(360), ClusterJobs.class.getName(),
                    cluster.url(), csv.toString(), dir.resolve("cluster").toString());
            assertThat(code).as("driver exit code; log:\n%s", tail(cluster.log("driver"))).isZero();
            assertThat(cluster.state()).as("the master ran the driver's application on its two workers")
                    .containsPattern("\"completedapps\"\\s*:\\s*\\[\\s*\\{").contains("\"aliveworkers\" : 2");
        }
        Path local = dir.resolve("local");
        Path remote = dir.resolve("cluster");
        for (String f : List.of("sequences.tsv", "itemsets.tsv", "rules.tsv")) {
            assertThat(sortedLines(remote.resolve(f))).as(f).isEqualTo(sortedLines(local.resolve(f))).isNotEmpty();
        }
        assertThat(Files.readAllBytes(remote.resolve("markov1/markov.bin")))
                .isEqualTo(Files.readAllBytes(local.resolve("markov1/markov.bin")));
        assertThat(rows(spark, remote.resolve("top5"))).isEqualTo(rows(spark, local.resolve("top5"))).isNotEmpty();
        assertThat(Files.readString(remote.resolve("stdout.txt")).replace(remote.toString(), "OUT"))
                .contains("test users").isEqualTo(Files.readString(local.resolve("stdout.txt"))
                        .replace(local.toString(), "OUT"));
    }

    private static List<String> rows(SparkSession spark, Path json) {
        return spark.read().json(json.toString()).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> sortedLines(Path f) throws IOException {
        return Files.readAllLines(f).stream().sorted().toList();
    }

    private static String tail(Path f) throws IOException {
        List<String> lines = Files.exists(f) ? Files.readAllLines(f) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Path log(Path file) throws IOException {
        SplittableRandom rnd = new SplittableRandom(77);
        String[] actions = {"pv", "pv", "cart", "buy"};
        StringBuilder sb = new StringBuilder("user,item,action,timestamp\n");
        for (int r = 0; r < 3000; r++) {
            sb.append('u').append(rnd.nextInt(150)).append(",i").append((int) Math.sqrt(rnd.nextInt(2_500)))
                    .append(',').append(actions[rnd.nextInt(actions.length)]).append(',')
                    .append(1_700_000_000L + r).append('\n');
        }
        return Files.writeString(file, sb.toString());
    }
}
