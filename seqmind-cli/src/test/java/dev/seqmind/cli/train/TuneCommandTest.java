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
import java.util.List;
import java.util.SplittableRandom;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code seqmind tune} on a tiny planted log ("item k is followed by item k + 1") with a small GRU4Rec. */
class TuneCommandTest {
    @TempDir
    Path tmp;

    private Path data() throws IOException {
        StringBuilder sb = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int u = 1; u <= 60; u++) {
            int item = rnd.nextInt(20);
            for (int t = 0; t < 6 + rnd.nextInt(6); t++) {
                sb.append(u).append(' ').append(item + 1).append('\n');
                item = (item + 1) % 20;
            }
        }
        return Files.writeString(tmp.resolve("planted.txt"), sb.toString());
    }

    private Path space(String json) throws IOException {
        return Files.writeString(tmp.resolve("space.json"), json);
    }

    private String[] tune(Path data, Path space, Path out, String budget) {
        return new String[] {"tune", "--model", "gru4rec", "--data", data.toString(), "--space", space.toString(),
                "--out", out.toString(), "--trials", "4", "--min-epochs", "1", "--max-epochs", "3", "--eta", "2",
                "--time-budget", budget, "--threads", "1"};
    }

    @Test
    void searchesLogsEveryRungResumesAndTestsTheBestOnce() throws IOException {
        Path data = data();
        Path space = space("""
                {"lr": {"log-uniform": [0.001, 0.05]},
                 "dim": {"choice": [8, 16]},
                 "hidden": 16,
                 "dropout": {"uniform": [0, 0.3]},
                 "batch": {"int": [8, 16]}}
                """);
        Path out = tmp.resolve("tune");
        CliRun r = run(tune(data, space, out, "10m"));
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        // rungs of 1, 2 and 3 epochs: 4 trials, then the best 2, then the best 1
        List<String> lines = Files.readAllLines(out.resolve("trials.jsonl"));
        assertThat(lines).hasSize(7);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode t = json.readTree(line);
            double lr = t.path("params").path("lr").asDouble();
            assertThat(lr).isBetween(0.001, 0.05);
            assertThat(t.path("params").path("dim").asText()).isIn("8", "16");
            assertThat(t.path("params").path("hidden").asText()).isEqualTo("16");
            assertThat(t.path("params").path("batch").asInt()).isBetween(8, 16);
            assertThat(t.path("validationNdcg").asDouble()).isBetween(0.0, 1.0);
        }
        JsonNode best = json.readTree(out.resolve("best.json").toFile());
        JsonNode last = json.readTree(lines.getLast());
        assertThat(best.path("trial").asInt()).isEqualTo(last.path("trial").asInt());
        assertThat(best.path("epochs").asInt()).isEqualTo(3);
        assertThat(best.path("testNdcg10").asDouble()).isBetween(0.0, 1.0);
        assertThat(best.path("command").asText()).startsWith("seqmind train --model gru4rec --data " + data)
                .contains("--epochs 3").contains("--lr " + last.path("params").path("lr").asText());
        assertThat(out.resolve("best-model").resolve("model.json")).exists();
        assertThat(r.out()).contains("test NDCG@10").contains("seqmind train --model gru4rec");

        // once tested, running again only prints the result
        CliRun again = run(tune(data, space, out, "10m"));
        assertThat(again.exit()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.err()).contains("not testing again");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(7);

        // a search stopped after three first-rung trials resumes with the fourth, keeping what was logged
        Path resumed = tmp.resolve("resumed");
        Files.createDirectories(resumed);
        Files.write(resumed.resolve("trials.jsonl"), lines.subList(0, 3));
        CliRun rest = run(tune(data, space, resumed, "10m"));
        assertThat(rest.exit()).as(rest.err()).isEqualTo(ExitCodes.OK);
        List<String> after = Files.readAllLines(resumed.resolve("trials.jsonl"));
        assertThat(after).hasSize(7);
        assertThat(after.subList(0, 3)).isEqualTo(lines.subList(0, 3));
        assertThat(json.readTree(after.get(3)).path("trial").asInt()).isEqualTo(3);
    }

    @Test
    void badSpacesAndAnEmptyBudgetAreClearErrors() throws IOException {
        Path data = data();
        CliRun unknown = run(tune(data, space("{\n  \"lr\": 0.01,\n  \"learning-rate\": {\"uniform\": [0, 1]}\n}"),
                tmp.resolve("a"), "10m"));
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("space.json:3: learning-rate: not an option of seqmind train")
                .doesNotContain("Exception");
        CliRun reserved = run(tune(data, space("{\"epochs\": 5}"), tmp.resolve("b"), "10m"));
        assertThat(reserved.err()).contains("epochs: set by tune itself");
        CliRun range = run(tune(data, space("{\"lr\": {\"log-uniform\": [0, 1]}}"), tmp.resolve("c"), "10m"));
        assertThat(range.err()).contains("lr.log-uniform: a range above 0");
        CliRun none = run(tune(data, space("{\"lr\": 0.01}"), tmp.resolve("d"), "0s"));
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--time-budget");
    }
}
