package dev.seqmind.insight.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InsightReportTest {
    @TempDir
    static Path tmp;
    static InsightRunner.Result result;
    static Path html;

    @BeforeAll
    static void run() throws IOException {
        SequenceDataset data = new LogGenerator(GeneratorConfig.of(1_500, 800, 40_000, 3).withSegments(3))
                .toDataset();
        InsightConfig config = InsightConfig.defaults();
        result = new InsightRunner(new InsightConfig(config.basis(), 2, 6, 0, 3, 42, 24, 500, 50, 20,
                config.itemVectors(), 400))
                .run(data, null, Progress.NONE);
        html = tmp.resolve("insight.html");
        InsightHtml.write(result.report(), html);
        InsightJson.write(result.report(), tmp.resolve("insight.json"));
    }

    @Test
    void reportHoldsSegmentsProfilesMapsAndWelcomeFlows() throws IOException {
        InsightReport r = result.report();
        assertThat(r.kChoice().chosen()).isEqualTo(3);
        assertThat(r.segments()).hasSize(3);
        assertThat(r.segments().stream().mapToInt(s -> s.size()).sum()).isEqualTo(1_500);
        assertThat(r.segments().get(0).topCategories()).isNotEmpty();
        assertThat(r.segments().get(0).topCategories().get(0).lift()).isGreaterThan(1.5);
        // each planted segment browses one department: its category is what sets it apart, by more than 1 sd
        assertThat(r.segments().get(0).distinctive().get(0).id())
                .isEqualTo("category:" + r.segments().get(0).topCategories().get(0).id());
        assertThat(r.segments().get(0).distinctive().get(0).share()).isGreaterThan(1.0);
        assertThat(r.segments().get(0).funnel().stages()).extracting(s -> s.name())
                .containsExactly("view", "cart", "buy");
        assertThat(r.funnel().stages().get(1).rate()).isBetween(0.0, 1.0);
        assertThat(r.userMap().points()).hasSize(500);
        assertThat(r.itemMap().points()).hasSize(500);
        assertThat(r.userUmap().points()).hasSize(400);
        assertThat(r.itemUmap().points()).hasSize(400);
        assertThat(r.userUmap().explained()).isEmpty();
        assertThat(r.welcome().firstSequences()).isNotEmpty();
        assertThat(r.welcome().firstItems().get(0).bought()).isBetween(0.0, 1.0);
        assertThat(r.seconds()).containsKeys("features", "segments", "profiles", "maps", "umap", "welcome flows");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("insight.json").toFile());
        assertThat(json.path("kChoice").path("scores").get(0).path("silhouette").isNumber()).isTrue();
        assertThat(json.path("segments").get(0).path("distinctive").get(0).path("lift").isNull()).isTrue();
        assertThat(result.labels()).hasSize(1_500);
    }

    @Test
    void htmlIsSelfContained() throws IOException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("echarts").doesNotContain("/*@DATA@*/").doesNotContain("src=\"http");
    }

    /**
     * Renders the page in headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it) and checks that
     * the script drew everything without a script or console error. Skipped when no Chromium is installed.
     */
    @Test
    void rendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "no /usr/bin/chromium (apt-get install chromium)");
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
                "--dump-dom", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.err").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tmp.resolve("chromium.err"));
        assertThat(dom).as(err).contains("data-rendered=\"ok\"").contains("data-errors=\"0\"");
        assertThat(dom).contains("Segment 0").contains("<svg").contains("Users by segment (UMAP)");
        assertThat(err.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList()).isEmpty();
    }
}
