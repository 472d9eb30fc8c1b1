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

class DpTrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void privateTrainingRecordsTheEpsilonSpentInTheModelCard() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int u = 1; u <= 60; u++) {
            for (int k = 0; k < 8; k++) {
                lines.append(u).append(' ').append(1 + (u + k) % 12).append('\n');
            }
        }
        Path data = tmp.resolve("seq.txt");
        Files.writeString(data, lines);
        Path out = tmp.resolve("model");
        CliRun r = run("train", "--model", "sasrec", "--data", data.toString(), "--out", out.toString(), "--dim", "8",
                "--blocks", "1", "--max-len", "10", "--epochs", "1", "--batch", "10", "--threads", "1",
                "--dp-epsilon", "4", "--dp-delta", "1e-5", "--dp-clip", "0.5");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("card.json").toFile()).path("metrics");
        assertThat(metrics.path("dp epsilon spent").asDouble()).isGreaterThan(3.5).isLessThanOrEqualTo(4.0);
        assertThat(metrics.path("dp clip norm").asDouble()).isEqualTo(0.5);
        assertThat(metrics.path("dp steps").asLong()).isEqualTo(6);
        assertThat(ModelDirectory.load(out).name()).isNotEmpty();
    }
}
