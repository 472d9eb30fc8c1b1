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
        assertThat(next.out()).contains("next-item rule b -> d \"Dune\"");
    }

    /** 60 users who all watch a then b, 30 of whom then watch c: enough for a release at a generous epsilon. */
    private Path privateDataset() {
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("dp", TimeKind.ORDINAL));
        for (int u = 0; u < 60; u++) {
            b.add("u" + u, "a", "view", 1).add("u" + u, "b", "view", 2);
            if (u % 2 == 0) {
                b.add("u" + u, "c", "view", 3);
            }
        }
        Path dir = tmp.resolve("dp");
        DatasetStore.save(b.build(), dir);
        return dir;
    }

    @Test
    void privateReleaseIsChargedToTheLedgerAndRefusedOverBudget() {
        Path dir = privateDataset();
        CliRun budget = run("privacy", "budget", "--dataset", dir.toString(), "--epsilon", "60");
        assertThat(budget.exit()).as(budget.err()).isZero();
        CliRun r = run("mine", "sequences", "--dataset", dir.toString(), "--min-support", "1", "--dp-epsilon", "50",
                "--dp-noise", "laplace", "--dp-max-contributions", "1", "--format", "tsv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("differential privacy: spent (epsilon 50");
        // a and b are held by all 60 users: released, with supports near 60 (Laplace scale 1/25 per level)
        assertThat(r.out()).contains("a\t1\t").contains("b\t1\t");
        CliRun again = run("mine", "rules", "--dataset", dir.toString(), "--min-support", "1", "--dp-epsilon", "20",
                "--min-confidence", "0.1");
        assertThat(again.exit()).isEqualTo(4);
        assertThat(again.err()).contains("refused").contains("already spent");
        CliRun ledger = run("privacy", "ledger", "--dataset", dir.toString());
        assertThat(ledger.out().lines()).hasSize(2);
        assertThat(ledger.out()).contains("mine sequences");
        assertThat(run("audit", "--dataset", dir.toString()).out()).contains("privacy budget set");
    }

    @Test
    void minUsersSuppressesPatternsOfFewUsersWithoutDp() {
        Path dir = privateDataset();
        CliRun r = run("mine", "sequences", "--dataset", dir.toString(), "--min-support", "1", "--min-users", "31",
                "--format", "tsv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("a\t1\t60").doesNotContain("c\t1\t30");
        CliRun all = run("mine", "sequences", "--dataset", dir.toString(), "--min-support", "1", "--format", "tsv");
        assertThat(all.out()).contains("c\t1\t30");
    }

    @Test
    void dpSgdPlanReproducesThePublishedMnistEpsilon() {
        CliRun r = run("privacy", "dp-sgd", "--examples", "60000", "--batch", "256", "--epochs", "60", "--delta",
                "1e-5", "--noise", "1.12", "--conversion", "classic");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("14062 steps").contains("epsilon 2.9");
        CliRun inverse = run("privacy", "dp-sgd", "--examples", "6040", "--batch", "128", "--epochs", "20",
                "--epsilon", "8");
        assertThat(inverse.exit()).as(inverse.err()).isZero();
        assertThat(inverse.out()).contains("reaches epsilon");
        assertThat(run("privacy", "dp-sgd", "--examples", "10", "--batch", "1", "--epochs", "1").exit()).isEqualTo(2);
    }
}
