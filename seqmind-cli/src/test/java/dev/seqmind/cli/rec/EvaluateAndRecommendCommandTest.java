package dev.seqmind.cli.rec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.console.ExitCodes;
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
    void aBlendChoosesItsWeightsOnValidationAndIsTestedOnce() throws IOException {
        // 30 users cycling 1 -> 2 -> 3 -> 1 -> 2 -> 3: popularity ranks 1 first (twice as frequent in training),
        // the chain ranks the validation target 2 first after 1.
        StringBuilder cycles = new StringBuilder();
        for (int u = 1; u <= 30; u++) {
            for (int item : new int[]{1, 2, 3, 1, 2, 3}) {
                cycles.append(u).append(' ').append(item).append('\n');
            }
        }
        Path data = Files.writeString(tmp.resolve("cycles.txt"), cycles.toString());
        Path out = tmp.resolve("blend");
        CliRun r = run("evaluate", "--data", data.toString(), "--models", "pop", "--bootstrap", "0",
                "--out", out.toString(), "--blend", "pop+markov1", "--blend-weights", "1:0,0.2:0.8,0:1");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("blend validation blend(pop 1.00 + markov1 0.00) NDCG@10 0.6309")
                .contains("blend validation blend(pop 0.200 + markov1 0.800) NDCG@10 1.0000");
        JsonNode models = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("models");
        assertThat(models).hasSize(2);
        JsonNode blend = models.get(1);
        assertThat(blend.path("name").asText()).isEqualTo("blend(pop 0.200 + markov1 0.800)");
        assertThat(blend.path("metrics").path("HR@1").path("mean").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(out.resolve("report.json"))).contains("--blend pop+markov1");
    }

    @Test
    void threeComponentsWithoutWeightsTryTheSimplexInTenths() throws IOException {
        Path out = tmp.resolve("blend3");
        CliRun r = run("evaluate", "--data", log().toString(), "--models", "", "--bootstrap", "0",
                "--out", out.toString(), "--blend", "pop+markov1+markov2");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        // 66 vectors of tenths summing to 1, from 1:0:0 down to 0:0:1
        assertThat(r.err().lines().filter(l -> l.startsWith("blend validation"))).hasSize(66);
        assertThat(r.err()).contains("blend(pop 1.00 + markov1 0.00 + markov2 0.00)")
                .contains("blend(pop 0.300 + markov1 0.300 + markov2 0.400)")
                .contains("blend(pop 0.00 + markov1 0.00 + markov2 1.00)");
    }

    @Test
    void badBlendsAreUsageErrorsBeforeAnyFit() throws IOException {
        for (String[] bad : new String[][]{{"--blend", "markov1"}, {"--blend", "markov1+nosuch"},
                {"--blend", "pop+markov1", "--blend-weights", "1:x"}, {"--blend", "pop+markov1", "--blend-weights",
                "1:1:1"}, {"--blend", "pop+markov1+markov2+markov3+item-knn"}, {"--blend-weights", "1:0"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("evaluate", "--data",
                    log().toString(), "--out", tmp.toString(), "--models", "pop"));
            args.addAll(java.util.List.of(bad));
            CliRun r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", bad)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(String.join(" ", bad)).contains("--blend").doesNotContain("Exception");
        }
    }

    @Test
    void longUsersAreEvaluatedApartAndSameNamedModelsAreToldApart() throws IOException {
        // users 1-10 walk 1 -> 2 -> 3 four times (12 events), users 11-30 once and a detour (6 events)
        StringBuilder sb = new StringBuilder();
        for (int u = 1; u <= 30; u++) {
            int[] seq = u <= 10 ? new int[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3} : new int[] {1, 2, 3, 10 + u % 4, 1, 2};
            for (int item : seq) {
                sb.append(u).append(' ').append(item).append('\n');
            }
        }
        Path data = Files.writeString(tmp.resolve("long.txt"), sb.toString());
        Path models = tmp.resolve("models");
        CliRun fit = run("evaluate", "--data", data.toString(), "--models", "pop,markov1", "--bootstrap", "0",
                "--long-users", "8", "--out", tmp.resolve("r1").toString(), "--save-models", models.toString());
        assertThat(fit.exit()).as(fit.err()).isEqualTo(ExitCodes.OK);
        // training-for-test lengths: 11 for users 1-10, 5 for the others
        assertThat(fit.out()).contains("long-user: 10 of 30 users have more than 8 training events; paired tests"
                + " against markov1");
        JsonNode protocol = new ObjectMapper().readTree(tmp.resolve("r1/report.json").toFile()).path("protocols")
                .get(0);
        assertThat(protocol.path("name").asText()).isEqualTo("long-user");
        assertThat(protocol.path("cases").asInt()).isEqualTo(10);
        // the long users' last target is 3 after 2: markov1 ranks it first, pop (1 and 2 are as frequent) does not
        JsonNode markov = protocol.path("models").get(1);
        assertThat(markov.path("name").asText()).isEqualTo("markov1");
        assertThat(markov.path("metrics").path("HR@1").path("mean").asDouble()).isEqualTo(1.0);
        assertThat(protocol.path("models").get(0).path("metrics").path("NDCG@10").path("tTestP").isNumber()).isTrue();

        Path copy = Files.createDirectories(tmp.resolve("markov1-copy"));
        try (var files = Files.list(models.resolve("markov1"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        CliRun both = run("evaluate", "--data", data.toString(), "--models", "", "--bootstrap", "0", "--long-users",
                "8", "--out", tmp.resolve("r2").toString(), "--pretrained",
                models.resolve("markov1") + "," + copy);
        assertThat(both.exit()).as(both.err()).isEqualTo(ExitCodes.OK);
        assertThat(both.out()).contains("markov1 (markov1) ").contains("markov1 (markov1-copy) ");
    }

    @Test
    void unknownModelNamesAreAUsageError() throws IOException {
        CliRun r = run("evaluate", "--data", log().toString(), "--models", "pop,nope", "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--models").contains("nope");
    }

    @Test
    void diversityLambdasAddReRankedRowsAndRecommendReRanksToo() throws IOException {
        Path items = Files.writeString(tmp.resolve("items.csv"),
                "item_id,title,genres\n1,One,A\n2,Two,A\n3,Three,B\n10,Ten,C\n11,Eleven,C\n12,Twelve,C\n13,Thirteen,C\n");
        Path out = tmp.resolve("report");
        Path models = tmp.resolve("models");
        CliRun r = run("evaluate", "--data", log().toString(), "--items", items.toString(), "--models", "pop,markov1",
                "--bootstrap", "0", "--out", out.toString(), "--diversity-lambdas", "0.5", "--save-models",
                models.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("ILD@10").contains("markov1+mmr0.5");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("models")).hasSize(4);
        JsonNode plain = report.path("models").get(2);
        JsonNode reranked = report.path("models").get(3);
        assertThat(reranked.path("name").asText()).isEqualTo("markov1+mmr0.5");
        assertThat(reranked.path("baseline").asBoolean()).isFalse();
        // The best item is always listed first, so HR@1 cannot change; the list beyond it can only spread out.
        assertThat(reranked.path("metrics").path("HR@1").path("mean").asDouble())
                .isEqualTo(plain.path("metrics").path("HR@1").path("mean").asDouble());
        assertThat(ild(reranked, 5)).isGreaterThanOrEqualTo(ild(plain, 5));

        CliRun rec = run("recommend", "--model", models.resolve("markov1").toString(), "--history", "1,2,3", "-k", "3",
                "--diversity-lambda", "0.5");
        assertThat(rec.exit()).as(rec.err()).isEqualTo(ExitCodes.OK);
        assertThat(rec.out()).contains(" 1. ").contains(" 3. ");
        CliRun noVectors = run("recommend", "--model", models.resolve("markov1").toString(), "--history", "1",
                "--diversity-lambda", "0.5", "--diversity-by", "EMBEDDINGS");
        assertThat(noVectors.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noVectors.err()).contains("--diversity-by").contains("markov1 has none");
    }

    @Test
    void diversityWithoutCategoriesOrOutsideTheUnitIntervalIsAUsageErrorBeforeAnyFit() throws IOException {
        CliRun noCats = run("evaluate", "--data", log().toString(), "--models", "pop", "--out", tmp.toString(),
                "--diversity-lambdas", "0.5");
        assertThat(noCats.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCats.err()).contains("--diversity-by").contains("--items");
        CliRun bad = run("evaluate", "--data", log().toString(), "--models", "pop", "--out", tmp.toString(),
                "--diversity-lambdas", "1.5");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--diversity-lambdas must be in [0, 1], but got 1.5");
    }

    private static double ild(JsonNode model, int k) {
        for (JsonNode b : model.path("beyond")) {
            if (b.path("k").asInt() == k) {
                return b.path("intraListDiversity").asDouble();
            }
        }
        throw new AssertionError("no beyond-accuracy figures at " + k);
    }
}
