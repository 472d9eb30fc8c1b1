package dev.seqmind.cli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.rec.store.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class FederatedTrainCommandTest {
    @TempDir
    Path tmp;

    private Path data() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int u = 1; u <= 60; u++) {
            for (int k = 0; k < 8; k++) {
                lines.append(u).append(' ').append(1 + (u + k) % 12).append('\n');
            }
        }
        Path data = tmp.resolve("seq.txt");
        Files.writeString(data, lines);
        return data;
    }

    @Test
    void federatedTrainingWritesALoadableModelWithItsFiguresInTheCard() throws Exception {
        Path out = tmp.resolve("fed");
        CliRun r = run("train", "--model", "gru4rec", "--data", data().toString(), "--out", out.toString(), "--dim",
                "8", "--hidden", "8", "--max-len", "10", "--batch", "8", "--threads", "1", "--federated",
                "--clients", "6", "--rounds", "3", "--local-steps", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("card.json").toFile()).path("metrics");
        assertThat(metrics.path("fedavg clients").asInt()).isEqualTo(6);
        assertThat(metrics.path("fedavg client updates").asLong()).isEqualTo(18);
        assertThat(metrics.path("fedavg local steps").asLong()).isEqualTo(36);
        assertThat(metrics.path("test NDCG@10").asDouble()).isGreaterThan(0);
        assertThat(ModelDirectory.load(out).name()).isNotEmpty();
    }

    @Test
    void clientLevelDpSpendsAtMostTheBudgetAndBadSettingsAreNamed() throws Exception {
        Path out = tmp.resolve("fed-dp");
        CliRun r = run("train", "--model", "gru4rec", "--data", data().toString(), "--out", out.toString(), "--dim",
                "8", "--hidden", "8", "--max-len", "10", "--batch", "8", "--threads", "1", "--federated",
                "--clients", "30", "--rounds", "4", "--local-steps", "1", "--client-fraction", "0.5",
                "--dp-epsilon", "8", "--dp-delta", "1e-5", "--dp-clip", "0.1");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("card.json").toFile()).path("metrics");
        assertThat(metrics.path("dp epsilon spent (client level)").asDouble()).isGreaterThan(7).isLessThanOrEqualTo(8);
        assertThat(metrics.path("fedavg fraction of updates clipped").asDouble()).isBetween(0.0, 1.0);

        CliRun bad = run("train", "--model", "gru4rec", "--data", data().toString(), "--out",
                tmp.resolve("bad").toString(), "--federated", "--clients", "1000", "--threads", "1");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--clients").doesNotContain("Exception");
    }
}
