package dev.seqmind.cli.rec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluateAndRecommendCommandTest {
    @TempDir
    Path tmp;

    /** A SASRec "user item" file: 30 users walking 1 -> 2 -> 3, a detour, then 1 -> 2 again. */
    private Path log() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int u = 1; u <= 30; u++) {
            int[] seq = {1, 2, 3, 10 + u % 4, 1, 2};
            for (int item : seq) {
                sb.append(u).append(' ').append(item).append('\n');
            }
        }
        return Files.writeString(tmp.resolve("walks.txt"), sb.toString());
    }

    @Test
    void evaluateWritesBothReportsAndSavedModelsServeRecommendations() throws IOException {
        Path out = tmp.resolve("report");
        Path models = tmp.resolve("models");
        CliRun r = run("evaluate", "--data", log().toString(), "--models", "pop,markov1,rules", "--bootstrap", "50",
                "--out", out.toString(), "--save-models", models.toString(), "--per-user");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("markov1").contains("seen items kept");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("seenExcluded").asBoolean()).isFalse();
        assertThat(report.path("models")).hasSize(3);
        // Every test target is 2 after 1, as in training: the first-order chain gets all of them right.
        assertThat(report.path("models").get(1).path("metrics").path("HR@1").path("mean").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(out.resolve("report.html"))).contains("echarts");
        assertThat(out.resolve("per-user.tsv.gz")).exists();

        CliRun rec = run("recommend", "--model", models.resolve("markov1").toString(), "--history", "1,2,3", "-k", "2");
        assertThat(rec.exit()).as(rec.err()).isEqualTo(ExitCodes.OK);
        assertThat(rec.out()).contains(" 1. 1").contains("after [3]").contains("because of: 3");
    }

    @Test
    void pretrainedModelsAreEvaluatedWithoutRefittingAndOnlyOnTheirOwnSplit() throws IOException {
        Path models = tmp.resolve("models");
        Path first = tmp.resolve("first");
        CliRun fit = run("evaluate", "--data", log().toString(), "--models", "markov1", "--bootstrap", "0",
                "--out", first.toString(), "--save-models", models.toString());
        assertThat(fit.exit()).as(fit.err()).isEqualTo(ExitCodes.OK);

        Path again = tmp.resolve("again");
        CliRun loaded = run("evaluate", "--data", log().toString(), "--models", "", "--bootstrap", "0",
                "--out", again.toString(), "--pretrained", models.resolve("markov1").toString());
        assertThat(loaded.exit()).as(loaded.err()).isEqualTo(ExitCodes.OK);
        ObjectMapper om = new ObjectMapper();
        JsonNode fitted = om.readTree(first.resolve("report.json").toFile()).path("models").get(0);
        JsonNode reloaded = om.readTree(again.resolve("report.json").toFile()).path("models").get(0);
        assertThat(reloaded.path("name").asText()).isEqualTo("markov1");
        assertThat(reloaded.path("metrics").path("NDCG@10").path("mean").asDouble())
                .isEqualTo(fitted.path("metrics").path("NDCG@10").path("mean").asDouble());

        // The same model scored on a log it was not fitted on could have seen those test targets: refused.
        Path other = Files.writeString(tmp.resolve("other.txt"), Files.readString(log()).replace("\n1 2\n", "\n1 3\n"));
        CliRun refused = run("evaluate", "--data", other.toString(), "--models", "", "--out", tmp.toString(),
                "--pretrained", models.resolve("markov1").toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--pretrained").contains("fitted on");
    }

    @Test
    void unknownModelNamesAreAUsageError() throws IOException {
        CliRun r = run("evaluate", "--data", log().toString(), "--models", "pop,nope", "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--models").contains("nope");
    }
}
