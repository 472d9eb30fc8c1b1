package dev.seqmind.cli.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.SeqmindCommand;
import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class GenerateAndStatsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void generateWritesTheLogItemsAndPlantedChains() throws IOException {
        Path dir = tmp.resolve("gen");
        CliRun r = run("generate", "--users", "200", "--items", "300", "--events", "5000", "--seed", "3",
                "--out", dir.toString(), "--log-name", "log.csv.gz");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 5,000 rows").contains("rows/s").contains("support");
        assertThat(dir.resolve("log.csv.gz")).exists();
        assertThat(Files.readAllLines(dir.resolve("items.csv"))).hasSize(301);
        assertThat(Files.readAllLines(dir.resolve("planted.tsv"))).hasSize(6);
    }

    @Test
    void generateRejectsABadParameterWithAUsageExitCode() {
        assertThat(SeqmindCommand.execute("generate", "--users", "10", "--items", "10", "--events", "5",
                "--out", tmp.resolve("x").toString())).isEqualTo(2);
    }

    @Test
    void statsDescribesAStoredDataset() throws IOException {
        Path dir = tmp.resolve("ds");
        DatasetStore.save(new LogGenerator(GeneratorConfig.of(300, 400, 6_000, 5)).toDataset(), dir);
        CliRun text = run("stats", "--dataset", dir.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("users             300").contains("interactions      6,000")
                .contains("Gini").contains("2024-").contains("pv").contains("buy").contains("fingerprint");
        CliRun json = run("stats", "--dataset", dir.toString(), "--json");
        assertThat(json.exit()).isZero();
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.get("interactions").asLong()).isEqualTo(6_000);
        assertThat(node.at("/popularity/gini").asDouble()).isBetween(0.1, 1.0);
    }

    @Test
    void statsOnAMissingDatasetSaysSoWithABadInputExitCode() {
        assertThat(SeqmindCommand.execute("stats", "--dataset", tmp.resolve("none").toString())).isEqualTo(3);
    }
}
