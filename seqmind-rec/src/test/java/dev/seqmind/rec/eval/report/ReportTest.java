package dev.seqmind.rec.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.eval.Candidates;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.topk.SeenItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {
    private static final SequenceDataset DATA = TestData.of(12, IntStream.range(0, 60)
            .mapToObj(u -> new int[] {u % 12, (u + 1) % 12, (u + 2) % 12, (u * 5 + 3) % 12, (u + 1) % 12})
            .toArray(int[][]::new));

    private EvaluationReport report(EvalConfig cfg) {
        Split split = new LeaveOneOutSplitter().split(DATA);
        var runner = new EvaluationRunner(new Evaluator(cfg), 42, t -> true);
        var runs = runner.run(split, ClassicTrainers.NAMES.stream().map(n -> ClassicTrainers.byName(n).orElseThrow())
                .toList(), Progress.NONE, null);
        var repro = new Reproducibility("test", List.of("mem"), List.of(), "sha256:x", DATA.numUsers(),
                DATA.numItems(), DATA.numInteractions(), split.protocol(), split.test().size(), 42, cfg.seed(),
                cfg.candidates().seed(), cfg.toString(), "0", "unknown", "jdk", "os", "seqmind evaluate");
        return new ReportBuilder(0.05, 0.95).build("test report", runs, repro);
    }

    @Test
    void jsonHasEveryMetricAtEveryKWithIntervalsAndNoNaN(@TempDir Path dir) throws Exception {
        EvaluationReport r = report(EvalConfig.defaults().withBootstrapSamples(200).withThreads(2));
        Path json = dir.resolve("report.json");
        ReportJson.write(r, json);
        String text = Files.readString(json);
        assertThat(text).doesNotContain("NaN");
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.path("sampled").asBoolean()).isFalse();
        assertThat(root.path("models")).hasSize(ClassicTrainers.NAMES.size());
        JsonNode m = root.path("models").get(2).path("metrics");
        assertThat(m.size()).isEqualTo(7 * 4);
        JsonNode ndcg = m.path("NDCG@10");
        assertThat(ndcg.path("low").asDouble()).isLessThanOrEqualTo(ndcg.path("mean").asDouble());
        assertThat(ndcg.path("high").asDouble()).isGreaterThanOrEqualTo(ndcg.path("mean").asDouble());
        long baselines = r.models().stream()
                .filter(x -> x.metrics().get("NDCG@10").marker().equals("baseline")).count();
        assertThat(baselines).isEqualTo(1);
        // Same inputs, same numbers.
        assertThat(ReportJson.toJson(report(EvalConfig.defaults().withBootstrapSamples(200).withThreads(1)), false)
                .replaceAll("\"(evalSeconds|fitSeconds|usersPerSecond)\":[^,]*,", ""))
                .isEqualTo(ReportJson.toJson(r, false)
                        .replaceAll("\"(evalSeconds|fitSeconds|usersPerSecond)\":[^,]*,", "")
                        .replace("threads=2", "threads=1"));
    }

    @Test
    void htmlIsSelfContainedAndLabelsTheRankingMode(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        ReportHtml.write(report(EvalConfig.defaults().withBootstrapSamples(50)), html);
        String page = Files.readString(html);
        assertThat(page).contains("echarts").doesNotContain("<script src").doesNotContain("/*@DATA@*/");
        assertThat(page.length()).isGreaterThan(500_000); // the library is inlined
        assertThat(page).contains("\"sampled\":false").contains("\"seenExcluded\":false");

        String sampled = ReportHtml.render(report(EvalConfig.defaults().withBootstrapSamples(0)
                .withSeen(SeenItems.EXCLUDE).withCandidates(Candidates.sampled(5, 1))));
        assertThat(sampled).contains("\"sampled\":true").contains("NDCG@10 (sampled)")
                .contains("\"seenExcluded\":true");
    }

    @Test
    void perUserFileHasOneRowPerModelAndUser(@TempDir Path dir) throws Exception {
        Split split = new LeaveOneOutSplitter().split(DATA);
        var runs = new EvaluationRunner(new Evaluator(EvalConfig.defaults().withBootstrapSamples(0)), 1, t -> true)
                .run(split, List.of(ClassicTrainers.byName("pop").orElseThrow(),
                        ClassicTrainers.byName("markov1").orElseThrow()), Progress.NONE, null);
        Path f = dir.resolve("per-user.tsv.gz");
        PerUserFile.write(f, runs, split.test(), u -> DATA.users().externalId(u));
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(f))))) {
            List<String> lines = in.lines().toList();
            assertThat(lines).hasSize(1 + 2 * split.test().size());
            assertThat(lines.get(0).split("\t")).hasSize(2 + 7 * 4).contains("NDCG@10");
            assertThat(lines.get(1)).startsWith("pop\tu0\t");
        }
    }
}
