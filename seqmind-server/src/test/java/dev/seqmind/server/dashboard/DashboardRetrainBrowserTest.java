package dev.seqmind.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.retrain.Challenge;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.retrain.RetrainCycle;
import dev.seqmind.server.retrain.RetrainScheduler;
import dev.seqmind.server.retrain.ShiftedShop;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retraining loop as the dashboard shows it, in headless Debian Chromium: a stale markov1 serves the shifted
 * shop, the new events arrive through {@code POST /v1/events}, a retraining promotes version 2, and the models page
 * lists versions 1 and 2 side by side with only version 2 marked as serving (screenshot
 * {@code target/dashboard-screenshots/models-retrained.png}); after a rollback the mark moves to version 1.
 */
class DashboardRetrainBrowserTest {
    private static final Path SHOTS = Path.of("target", "dashboard-screenshots");

    @Test
    void modelsPageShowsBothVersionsAndWhichServes(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(),
                "no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        Path dataset = tmp.resolve("dataset");
        DatasetStore.save(ShiftedShop.before(), dataset);
        Challenge.Settings d = Challenge.Settings.defaults();
        Challenge.Settings s = new Challenge.Settings(0.2, 0.02, 0.05, d.metric(), d.k(), d.seen(), 30, 1, 42);
        Path store = tmp.resolve("events.sqlite");
        RetrainCycle cycle = new RetrainCycle(dataset, List.of("sqlite:" + store), false, Optional.empty(),
                "markov1", tmp.resolve("models"), s);
        Path stale = cycle.initial(ClassicTrainers.byName("markov1").orElseThrow(), Progress.NONE);
        Fixtures.Keys k = Fixtures.keys(tmp);
        try (SeqmindServer server = SeqmindServer.start(new ServerConfig("127.0.0.1", 0, store.toString(), dataset,
                Map.of("markov1", stale), null, k.file(), null, 50, Limits.defaults()));
             RetrainScheduler scheduler = new RetrainScheduler(cycle, server.state().models());
             HeadlessChromium chromium = new HeadlessChromium(java.nio.file.Files.createTempDirectory(tmp, "p"))) {
            Http http = new Http(server.port());
            ShiftedShop.post(http, k.write(), ShiftedShop.after(240));
            assertThat(scheduler.runOnce()).contains("now serving markov1 version 2");

            String base = "http://127.0.0.1:" + server.port();
            chromium.open(base + "/models");
            assertThat(chromium.awaitState(10_000, "signin", "ready")).isEqualTo("signin");
            chromium.signIn(k.read());
            assertThat(chromium.awaitState(15_000, "ready", "error")).isEqualTo("ready");
            chromium.screenshot(SHOTS, "models-retrained");
            assertThat(headers(chromium)).containsExactly("markov1 v1", "markov1 v2 (serving)");
            assertThat(row(chromium, "serving")).containsExactly("no", "serving");
            assertThat(row(chromium, "users / items / events").get(1))
                    .endsWith(String.format("%,d", ShiftedShop.before().numInteractions()
                            + ShiftedShop.after(240).size()));
            assertThat(row(chromium, "p_value").get(1)).isNotEqualTo("–");
            assertThat(chromium.console()).noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());

            var rolled = http.post("/v1/admin/models/markov1/rollback", k.admin(), "");
            assertThat(rolled.status()).as(rolled.text()).isEqualTo(200);
            chromium.open(base + "/models");
            assertThat(chromium.awaitState(15_000, "ready", "error")).isEqualTo("ready");
            assertThat(headers(chromium)).containsExactly("markov1 v1 (serving)", "markov1 v2");
            JsonNode rows = http.get("/v1/dashboard/models", k.read()).json().path("models");
            assertThat(rows.get(0).path("active").asBoolean()).isTrue();
            assertThat(rows.get(1).path("active").asBoolean()).isFalse();
        }
    }

    /** The models table's column heads, the empty first one left out. */
    private static List<String> headers(HeadlessChromium chromium) {
        return chromium.driver().findElements(By.cssSelector("#table th")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank()).toList();
    }

    /** The cells of the table row labelled {@code label}, label left out. */
    private static List<String> row(HeadlessChromium chromium, String label) {
        for (WebElement tr : chromium.driver().findElements(By.cssSelector("#table tr"))) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            if (!cells.isEmpty() && cells.getFirst().getText().equals(label)) {
                return cells.subList(1, cells.size()).stream().map(WebElement::getText).toList();
            }
        }
        throw new AssertionError("no row '" + label + "' in the models table");
    }
}
