package dev.seqmind.cli.insight;

import dev.seqmind.cli.CliRun;
import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

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
        assertThat(vectors.out()).contains("users like 7 (user behaviour, standardised, cosine)").contains("  5. ");
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
    void unknownIdsAndMissingTargetsAreUsageErrors() {
        assertThat(run("similar", "--data", data.toString(), "--user", "no-such-user", "-q").exit()).isEqualTo(2);
        assertThat(run("similar", "--data", data.toString(), "-q").exit()).isEqualTo(2);
        assertThat(run("similar", "--data", data.toString(), "--user", "1", "--item", "1", "-q").exit())
                .isEqualTo(2);
    }
}
