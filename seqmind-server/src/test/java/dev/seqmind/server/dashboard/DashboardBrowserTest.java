package dev.seqmind.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.eval.report.EvaluationRunner;
import dev.seqmind.rec.eval.report.ReportBuilder;
import dev.seqmind.rec.eval.report.ReportJson;
import dev.seqmind.rec.eval.report.Reproducibility;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard end to end in headless Debian Chromium: a real server on a free 127.0.0.1 port serving the test
 * shop with two models (and the evaluation report written beside them), events posted through the API, sign-in with
 * the read key, then every page: it reaches its ready state with no console error, its charts paint pixels, and a
 * screenshot lands in {@code target/dashboard-screenshots/}. A second server with pseudonymisation on shows only
 * pseudonyms. Skipped when Chromium or chromedriver is not installed ({@code .ci/run} installs both).
 */
class DashboardBrowserTest {
    private static final Path SHOTS = Path.of("target", "dashboard-screenshots");
    @TempDir
    static Path tmp;
    static Fixtures.Shop shop;
    static SeqmindServer server;
    static HeadlessChromium chromium;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(),
                "no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        shop = Fixtures.shop(tmp);
        writeReport(tmp.resolve("report/report.json"));
        Map<String, Path> models = new LinkedHashMap<>();
        models.put("markov1", shop.markov());
        models.put("pop", shop.pop());
        server = SeqmindServer.start(new ServerConfig("127.0.0.1", 0, tmp.resolve("events.sqlite").toString(),
                shop.dataset(), models, null, shop.keys(), null, 50, Limits.defaults()));
        base = "http://127.0.0.1:" + server.port();
        postEvents(new Http(server.port()), List.of("u1", "u2", "u3"), 0);
        chromium = new HeadlessChromium(java.nio.file.Files.createTempDirectory(tmp, "profile"));
        chromium.open(base + "/");
        assertThat(chromium.awaitState(10_000, "signin")).isEqualTo("signin");
        chromium.signIn(shop.readKey());
        assertThat(chromium.awaitState(10_000, "ready", "error")).isEqualTo("ready");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A real evaluation of both served models on the shop, where {@code seqmind evaluate --out report} puts it. */
    private static void writeReport(Path file) throws Exception {
        var data = Fixtures.data();
        var split = new LeaveOneOutSplitter().split(data);
        EvalConfig cfg = EvalConfig.defaults().withBootstrapSamples(100).withThreads(1);
        var runs = new EvaluationRunner(new Evaluator(cfg), 1, t -> t.name().equals("pop")).run(split,
                List.of(ClassicTrainers.byName("pop").orElseThrow(), ClassicTrainers.byName("markov1").orElseThrow()),
                Progress.NONE, null);
        var repro = new Reproducibility("shop", List.of("test"), List.of(), "sha256:test", data.numUsers(),
                data.numItems(), data.numInteractions(), split.protocol(), split.test().size(), 1, cfg.seed(),
                cfg.candidates().seed(), cfg.toString(), "0", "unknown", "jdk", "os", "seqmind evaluate");
        java.nio.file.Files.createDirectories(file.getParent());
        ReportJson.write(new ReportBuilder(0.05, 0.95).build("shop report", runs, repro), file);
    }

    /** Each user walks i(k) -> i(k+1) -> ... with views, a cart and a buy, timestamps a minute apart. */
    private static void postEvents(Http http, List<String> users, int start) {
        StringJoiner events = new StringJoiner(",");
        long t = 1_700_000_000_000L;
        for (String u : users) {
            for (int j = 0; j < 6; j++) {
                String action = j == 4 ? "cart" : j == 5 ? "buy" : "view";
                events.add("{\"user\":\"" + u + "\",\"item\":\"i" + (start + j) + "\",\"action\":\"" + action
                        + "\",\"timestamp\":" + (t += 60_000) + "}");
            }
        }
        var r = http.post("/v1/events", shop.writeKey(), "{\"events\":[" + events + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    /** Opens a page, waits for it to be ready, saves a screenshot; asserts no console error and painted charts. */
    private static void page(String path, String shot, int charts) throws Exception {
        chromium.open(base + path);
        assertThat(chromium.awaitState(15_000, "ready", "error")).as(path).isEqualTo("ready");
        chromium.screenshot(SHOTS, shot);
        List<LogEntry> errors = chromium.console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as(path + " console errors").isEmpty();
        List<Long> painted = chromium.paintedPixels();
        assertThat(painted).as(path + " charts").hasSize(charts);
        assertThat(painted).as(path + " painted pixels per chart").allSatisfy(n -> assertThat(n).isGreaterThan(500));
    }

    @Test
    void overviewShowsRatesLatencyAndModelsWithProvenance() throws Exception {
        page("/", "overview", 2);
        String text = chromium.driver().findElement(By.id("main")).getText();
        assertThat(text).contains("events/s", "p99 latency", "markov1", "pop", "shop");
        // the rates come from the meter registry: 18 events were committed since start
        JsonNode o = new Http(server.port()).get("/v1/dashboard/overview", shop.readKey()).json();
        assertThat(o.path("totals").path("events_ingested").asLong()).isEqualTo(18);
        assertThat(o.path("rates").path("p99_ms").isNumber()).isTrue();
        assertThat(o.path("models").get(0).path("provenance").path("datasetName").asText()).isEqualTo("shop");
    }

    @Test
    void datasetPageDrawsLengthsTailAndTimeline() throws Exception {
        page("/dataset", "dataset", 3);
        assertThat(chromium.driver().findElement(By.id("cards")).getText()).contains("18", "cart events");
        assertThat(chromium.driver().findElement(By.id("recent")).getText()).contains("u1", "u2", "u3");
    }

    @Test
    void patternExplorerSearchesRulesByTitle() throws Exception {
        page("/patterns", "patterns", 1);
        WebElement rules = chromium.driver().findElement(By.id("rules"));
        assertThat(rules.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        var q = chromium.driver().findElement(By.name("q"));
        q.sendKeys("Item 7");
        chromium.driver().findElement(By.cssSelector("#filter button[type=submit]")).click();
        long end = System.currentTimeMillis() + 5_000;
        List<?> rows = List.of();
        while (System.currentTimeMillis() < end) { // the rows' texts in one read, as the table is replaced
            rows = (List<?>) chromium.js("return [...document.querySelectorAll('#rules tbody tr')]"
                    + ".map(r => r.innerText);");
            if (!rows.isEmpty() && rows.stream().allMatch(r -> r.toString().contains("Item 7"))) {
                break;
            }
            Thread.sleep(25);
        }
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.toString()).contains("Item 7"));
        assertThat(chromium.console()).noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
    }

    @Test
    void userPageShowsTimelineAndExplainedRecommendations() throws Exception {
        page("/user#stored=u2", "user", 1);
        assertThat(chromium.driver().findElement(By.id("user-title")).getText()).contains("User u2", "6 stored events");
        List<WebElement> recs = chromium.driver().findElements(By.cssSelector("#recs li"));
        assertThat(recs).hasSize(10);
        // u2 walked i0..i5: the markov model's first pick follows i5, and says why
        assertThat(recs.get(0).getText()).contains("Item 6");
        assertThat(chromium.driver().findElements(By.cssSelector("#recs .why")))
                .anySatisfy(w -> assertThat(w.getText()).startsWith("Recommended because"));
        assertThat(chromium.driver().findElement(By.id("events")).getText()).contains("buy", "Item 5");
    }

    @Test
    void experimentsPageShowsBothVariantsAfterTraffic() throws Exception {
        Http http = new Http(server.port());
        page("/experiments", "experiments-empty", 0);
        assertThat(chromium.driver().findElement(By.id("no-experiments")).getText()).contains("No experiments");
        var created = http.post("/v1/experiments", shop.adminKey(), "{\"name\":\"pop vs markov1\",\"variants\":["
                + "{\"name\":\"control\",\"model\":\"pop\",\"share\":0.5},"
                + "{\"name\":\"markov\",\"model\":\"markov1\",\"share\":0.5}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asText();
        try {
            assertThat(http.post("/v1/experiments/" + id + "/start", shop.adminKey(), "").status()).isEqualTo(200);
            for (int u = 0; u < 40; u++) { // recommendation requests only: the other pages count the events
                assertThat(http.get("/v1/users/visitor" + u + "/recommendations?k=5", shop.readKey()).status())
                        .isEqualTo(200);
            }
            page("/experiments", "experiments", 1);
            WebElement box = chromium.driver().findElement(By.cssSelector("[data-experiment='" + id + "']"));
            assertThat(box.getText()).contains("pop vs markov1", "running", "control", "markov", "pop", "markov1");
            JsonNode e = http.get("/v1/experiments/" + id, shop.readKey()).json();
            long exposures = 0;
            for (JsonNode v : e.get("variants")) {
                assertThat(v.get("exposures").asLong()).as(v.get("name").asText()).isPositive();
                exposures += v.get("exposures").asLong();
            }
            assertThat(exposures).isEqualTo(40);
        } finally {
            http.post("/v1/experiments/" + id + "/stop", shop.adminKey(), "");
        }
    }

    @Test
    void modelsPageComparesEvaluationsSideBySide() throws Exception {
        page("/models", "models", 1);
        String table = chromium.driver().findElement(By.id("table")).getText();
        assertThat(table).contains("markov1 v1", "pop v1", "NDCG@10", "shop report");
        JsonNode m = new Http(server.port()).get("/v1/dashboard/models", shop.readKey()).json().path("models");
        assertThat(m.get(0).path("metrics").path("NDCG@10").asDouble())
                .isGreaterThan(m.get(1).path("metrics").path("NDCG@10").asDouble()); // markov1 beats pop on walks
    }

    @Test
    void staticFilesArePublicButDataNeedsTheReadKey() {
        Http http = new Http(server.port());
        var page = http.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("/dashboard/echarts.min.js").doesNotContain("http://", "https://");
        assertThat(http.get("/dashboard/echarts.min.js", null).status()).isEqualTo(200);
        assertThat(http.get("/v1/dashboard/overview", null).status()).isEqualTo(401);
        assertThat(http.get("/v1/dashboard/overview", shop.writeKey()).status()).isEqualTo(200);
    }

    @Test
    void pseudonymisedServerNeverShowsTheRawUserId(@TempDir Path dir) throws Exception {
        Pseudonymizer p = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes());
        String raw = "alice@example.com";
        try (SeqmindServer s = SeqmindServer.start(new ServerConfig("127.0.0.1", 0,
                dir.resolve("events.sqlite").toString(), shop.dataset(), Map.of("markov1", shop.markov()), null,
                shop.keys(), p, 50, Limits.defaults()))) {
            String url = "http://127.0.0.1:" + s.port();
            Http http = new Http(s.port());
            var r = http.post("/v1/events", shop.writeKey(), "{\"events\":[{\"user\":\"" + raw
                    + "\",\"item\":\"i3\",\"action\":\"view\"},{\"user\":\"" + raw + "\",\"item\":\"i4\",\"action\":\"view\"}]}");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            String pseudonym = p.pseudonym(raw);
            chromium.open(url + "/dataset");
            chromium.awaitState(10_000, "signin", "ready");
            if ("signin".equals(chromium.js("return document.body.dataset.state;"))) {
                chromium.signIn(shop.readKey());
            }
            assertThat(chromium.awaitState(10_000, "ready", "error")).isEqualTo("ready");
            assertThat(chromium.driver().getPageSource()).contains(pseudonym).doesNotContain(raw);
            chromium.open(url + "/user");
            assertThat(chromium.awaitState(10_000, "ready", "error")).isEqualTo("ready");
            chromium.driver().findElement(By.name("id")).sendKeys(raw);
            chromium.driver().findElement(By.cssSelector("#lookup button[type=submit]")).click();
            long end = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < end && !chromium.driver().getCurrentUrl().contains("stored=")) {
                Thread.sleep(25);
            }
            Thread.sleep(200);
            chromium.screenshot(SHOTS, "user-pseudonymised");
            assertThat(chromium.driver().findElement(By.id("user-title")).getText()).contains(pseudonym, "pseudonym");
            assertThat(chromium.driver().findElements(By.cssSelector("#recs li"))).isNotEmpty();
            assertThat(chromium.driver().getPageSource()).doesNotContain(raw);
            assertThat(chromium.driver().getCurrentUrl()).doesNotContain("alice");
            assertThat(chromium.console()).noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
        }
    }
}
