package dev.seqmind.cli.insight;

import dev.seqmind.cli.CliRun;
import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class SimilarCommandTest {
    @TempDir
    static Path tmp;
    static Path data;
    static String item;

    @BeforeAll
    static void dataset() throws IOException {
        data = tmp.resolve("ds");
        var ds = new LogGenerator(GeneratorConfig.of(200, 300, 6_000, 5)).toDataset();
        item = ds.items().externalId(0);
        DatasetStore.save(ds, data);
    }

    @Test
    void nearestUsersByVectorsAndBySequence() {
        CliRun vectors = run("similar", "--data", data.toString(), "--user", "7", "-k", "5", "-q");
        assertThat(vectors.exit()).as(vectors.err()).isZero();
        assertThat(vectors.out()).contains("users like 7 (user behaviour, standardised, cosine, exact)").contains("  5. ");
        CliRun lcs = run("similar", "--data", data.toString(), "--user", "7", "-k", "3", "--by", "LCS", "-q");
        assertThat(lcs.exit()).as(lcs.err()).isZero();
        assertThat(lcs.out()).contains("LCS sequence similarity over the last 50 steps").contains("  3. ");
    }

    @Test
    void nearestItemsShowTitles() {
        CliRun r = run("similar", "--data", data.toString(), "--item", item, "-k", "4", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("items like").contains("  4. ");
    }

    @Test
    void everyUsersNeighboursByHnswMatchTheExactOnesOnASmallTable() throws IOException {
        Path exact = tmp.resolve("exact.tsv");
        Path approx = tmp.resolve("hnsw.tsv");
        CliRun e = run("similar", "--data", data.toString(), "--user", "all", "--all", "-k", "3", "--search", "EXACT",
                "--out", exact.toString(), "-q");
        assertThat(e.exit()).as(e.err()).isZero();
        CliRun h = run("similar", "--data", data.toString(), "--user", "all", "--all", "-k", "3", "--search", "HNSW",
                "--out", approx.toString(), "-q");
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(h.out()).contains("3 nearest of 200 users").contains("HNSW approximate search");
        List<String> a = Files.readAllLines(exact);
        List<String> b = Files.readAllLines(approx);
        assertThat(a).hasSize(1 + 200 * 3).first().isEqualTo("id\trank\tneighbour\tsimilarity");
        // 200 rows: the graph is searched almost exhaustively, so nearly every line agrees
        long same = java.util.stream.IntStream.range(0, a.size()).filter(i -> a.get(i).equals(b.get(i))).count();
        assertThat(same).isGreaterThan((long) (0.95 * a.size()));
        assertThat(run("similar", "--data", data.toString(), "--user", "all", "--all", "-q").exit()).isEqualTo(2);
    }

    @Test
    void benchComparesHnswWithTheExactScan() {
        CliRun r = run("bench", "similar", "--rows", "2000", "--dim", "8", "--queries", "50");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("exact (baseline)").contains("speed-up per query").contains("recall@10");
    }

    @Test
    void unknownIdsAndMissingTargetsAreUsageErrors() {
        assertThat(run("similar", "--data", data.toString(), "--user", "no-such-user", "-q").exit()).isEqualTo(2);
        assertThat(run("similar", "--data", data.toString(), "-q").exit()).isEqualTo(2);
        assertThat(run("similar", "--data", data.toString(), "--user", "1", "--item", "1", "-q").exit())
                .isEqualTo(2);
    }
}
