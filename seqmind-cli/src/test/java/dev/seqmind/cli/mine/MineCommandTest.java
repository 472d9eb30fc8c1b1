package dev.seqmind.cli.mine;

import dev.seqmind.cli.CliRun;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class MineCommandTest {
    private static final String SEQUENCES = """
            1 -1 1 2 3 -1 1 3 -1 4 -1 3 6 -1 -2
            1 4 -1 3 -1 2 3 -1 1 5 -1 -2
            5 6 -1 1 2 -1 4 6 -1 3 -1 2 -1 -2
            5 -1 7 -1 1 6 -1 3 -1 2 -1 3 -1 -2
            """;

    @TempDir
    Path tmp;

    @Test
    void sequencesWritesSpmfOutputWithAbsoluteSupport() throws IOException {
        Path file = tmp.resolve("db.txt");
        Files.writeString(file, SEQUENCES);
        CliRun r = run("mine", "sequences", "--spmf", file.toString(), "--min-support", "4", "--format", "spmf");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("1 -1 3 -1 #SUP: 4", "2 -1 #SUP: 4");
        CliRun frac = run("mine", "sequences", "--spmf", file.toString(), "--min-support", "0.5", "--kind", "maximal",
                "--max-gap", "1");
        assertThat(frac.exit()).as(frac.err()).isZero();
        assertThat(frac.out()).contains("maximal patterns at support >= 2");
    }

    @Test
    void patternBudgetExitsWithBudgetCode() throws IOException {
        Path file = tmp.resolve("db.txt");
        Files.writeString(file, SEQUENCES);
        CliRun r = run("mine", "sequences", "--spmf", file.toString(), "--min-support", "1", "--max-patterns", "5");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("pattern budget of 5");
    }

    @Test
    void itemsetsAndAssociationRulesFromTransactions() throws IOException {
        Path file = tmp.resolve("tx.txt");
        Files.writeString(file, "1 2 3\n1 2\n2 3\n1 2 3\n");
        CliRun r = run("mine", "itemsets", "--spmf", file.toString(), "--min-support", "0.5", "--format", "tsv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("1 2\t2\t3\t0.75");
        CliRun rules = run("mine", "itemsets", "--spmf", file.toString(), "--min-support", "2", "--rules",
                "--min-confidence", "1", "--format", "tsv");
        assertThat(rules.out().lines()).anyMatch(l -> l.startsWith("1\t2\t3\t"));
    }

    @Test
    void rulesOnADatasetShowTitles() {
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("films", TimeKind.ORDINAL));
        for (int u = 0; u < 10; u++) {
            b.add("u" + u, "a", "view", 1);
            b.add("u" + u, u % 2 == 0 ? "b" : "c", "view", 2);
            b.add("u" + u, "d", "view", 3);
        }
        b.catalog(new ItemCatalog(Map.of("a", new ItemMetadata("Alien", List.of(), "", Map.of()),
                "d", new ItemMetadata("Dune", List.of(), "", Map.of()))));
        Path dir = tmp.resolve("ds");
        DatasetStore.save(b.build(), dir);
        CliRun r = run("mine", "rules", "--dataset", dir.toString(), "--min-support", "0.5", "--min-confidence", "0.9");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("{a \"Alien\"} => {d \"Dune\"}");
        CliRun next = run("mine", "rules", "--dataset", dir.toString(), "--min-support", "5", "--next-item",
                "--min-confidence", "0");
        assertThat(next.out()).contains("{b} -> {d \"Dune\"}");
    }
}
