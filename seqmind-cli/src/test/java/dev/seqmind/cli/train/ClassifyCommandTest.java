package dev.seqmind.cli.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.console.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCommandTest {
    @TempDir
    Path tmp;

    /** A Taobao-format log: users who cart an item mostly buy it, the others mostly do not. */
    private Path log() throws IOException {
        StringBuilder sb = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(9);
        long t = 1_511_544_070L;
        for (int u = 1; u <= 400; u++) {
            for (int i = 0; i < 2 + rnd.nextInt(4); i++) {
                sb.append(u).append(',').append(100 + rnd.nextInt(300)).append(",7,pv,").append(t++).append('\n');
            }
            boolean cart = rnd.nextBoolean();
            if (cart) {
                sb.append(u).append(",5,7,cart,").append(t++).append('\n');
            }
            if (rnd.nextDouble() < (cart ? 0.9 : 0.1)) {
                sb.append(u).append(",5,7,buy,").append(t++).append('\n');
            }
        }
        return Files.writeString(tmp.resolve("UserBehavior.csv"), sb.toString());
    }

    @Test
    void classifyWritesBothModelsMeasures() throws IOException {
        Path out = tmp.resolve("cls");
        CliRun r = run("train", "--task", "CLASSIFY", "--label", "buy", "--model", "lstm", "--data", log().toString(),
                "--format", "taobao", "--out", out.toString(), "--epochs", "6", "--batch", "32", "--lr", "0.01",
                "--dim", "8", "--hidden", "16", "--threads", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("ROC AUC").contains("logistic-counts").contains("lstm");
        JsonNode report = new ObjectMapper().readTree(out.resolve("classification.json").toFile());
        JsonNode lr = report.path("models").path("logistic-counts").path("summary");
        assertThat(lr.path("rocAuc").asDouble()).isGreaterThan(0.7);
        assertThat(report.path("models").path("lstm").path("summary").path("reliability").size()).isPositive();
        assertThat(report.path("models").path("lstm").path("summary").path("rocAuc").asDouble()).isGreaterThan(0.6);
    }

    @Test
    void unknownLabelsAndEncodersAreUsageErrors() throws IOException {
        CliRun label = run("train", "--task", "CLASSIFY", "--label", "order", "--model", "gru4rec", "--data",
                log().toString(), "--format", "taobao", "--out", tmp.resolve("x").toString());
        assertThat(label.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(label.err()).contains("--label").contains("buy");
        CliRun model = run("train", "--task", "CLASSIFY", "--model", "bert4rec", "--data", log().toString(),
                "--format", "taobao", "--out", tmp.resolve("y").toString());
        assertThat(model.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(model.err()).contains("--model").contains("lstm").contains("sasrec (Transformer encoder)");
    }
}
