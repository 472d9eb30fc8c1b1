package dev.seqmind.cli.serve;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.Limits;
import dev.seqmind.server.store.Event;
import dev.seqmind.server.store.EventStore;
import dev.seqmind.server.store.EventStores;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench dashboard}: serves a dataset and models (with the dataset's events replayed into a fresh
 * store) on 127.0.0.1 and loads every dashboard page in headless Chromium, reading the browser's navigation timing:
 * the load event (HTML, style and scripts with ECharts, before any data: the baseline) and "ready" (the page's data
 * fetched and drawn), with the ratio of the two. With {@code --server} it measures (and screenshots) a server that
 * is already running instead, signing in with {@code --read-key}.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Page-load time of each dashboard page in headless Chromium (navigation timing).")
public final class DashboardBench implements Callable<Integer> {
    private static final List<String> PAGES = List.of("/", "/dataset", "/patterns", "/user", "/experiments",
            "/models");

    @Option(names = "--dataset", paramLabel = "DIR",
            description = "The dataset to serve; its events are replayed into the store (required without --server).")
    Path dataset;

    @Option(names = "--model", paramLabel = "DIR",
            description = "A model directory to serve (repeatable; the first is the default; required without "
                    + "--server).")
    List<Path> models;

    @Option(names = "--server", paramLabel = "URL", description = "Measure this running server instead of starting "
            + "one (e.g. http://127.0.0.1:8080; default: start one).")
    String server;

    @Option(names = "--read-key", paramLabel = "KEY", defaultValue = "${env:SEQMIND_READ_KEY}",
            description = "The read key to sign in with on --server (default: $SEQMIND_READ_KEY).")
    String readKey;

    @Option(names = "--pages", split = ",", paramLabel = "PATH", description = "The pages to load (default: "
            + "/,/dataset,/patterns,/user,/experiments,/models).")
    List<String> pages;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file to read (or write once), so mining "
            + "is not part of the start (default: mined at start).")
    Path rules;

    @Option(names = "--events", defaultValue = "100000", description = "Dataset events replayed into the store "
            + "(default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--rounds", defaultValue = "10", description = "Timed loads of each page after one warm-up "
            + "load (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium", description = "The browser (default: "
            + "${DEFAULT-VALUE}).")
    Path chromium;

    @Option(names = "--chromedriver", defaultValue = "/usr/bin/chromedriver", description = "Its driver (default: "
            + "${DEFAULT-VALUE}).")
    Path chromedriver;

    @Option(names = "--screenshots", paramLabel = "DIR", description = "Also save a screenshot of each page here.")
    Path screenshots;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new InvalidParameterException("--rounds", Integer.toString(rounds), "at least 1");
        }
        for (Path p : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(p)) {
                throw new InvalidParameterException(p == chromium ? "--chromium" : "--chromedriver", p.toString(),
                        "an executable", "install Debian's chromium and chromium-driver");
            }
        }
        if (pages != null) {
            for (String page : pages) {
                if (!PAGES.contains(page)) {
                    throw new InvalidParameterException("--pages", page, "one of " + PAGES);
                }
            }
        }
        Path tmp = Files.createTempDirectory("seqmind-dashboard-bench");
        if (server != null) {
            if (readKey == null || readKey.isBlank()) {
                throw new InvalidParameterException("--read-key", "", "a read key of " + server
                        + " (or $SEQMIND_READ_KEY)");
            }
            try {
                System.out.printf(Locale.ROOT, "measuring the running server %s%n", server);
                measure(server.replaceAll("/+$", ""), readKey, tmp.resolve("profile"));
            } finally {
                delete(tmp);
            }
            return 0;
        }
        if (dataset == null || models == null || models.isEmpty()) {
            throw new InvalidParameterException(dataset == null ? "--dataset" : "--model", "", "required without "
                    + "--server");
        }
        try {
            String key = ApiKeys.newKey(new SecureRandom());
            Path keys = tmp.resolve("keys.txt");
            Files.writeString(keys, ApiKeys.line(Role.READ, "bench", key) + "\n");
            Path store = tmp.resolve("events.sqlite");
            int stored = fill(store.toString());
            Map<String, Path> served = new LinkedHashMap<>();
            for (Path m : models) {
                served.put(m.getFileName().toString(), m);
            }
            try (SeqmindServer server = SeqmindServer.start(new ServerConfig("127.0.0.1", 0, store.toString(),
                    dataset, served, rules, keys, null, 200, Limits.defaults()))) {
                System.out.printf(Locale.ROOT, "serving %s (%d events replayed into the store, %d rules) with %s%n",
                        dataset, stored, server.report().rules(), served.keySet());
                String base = "http://127.0.0.1:" + server.port();
                measure(base, key, tmp.resolve("profile"));
                var scan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.http.HttpClient
                        .newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                                        + "/v1/dashboard/dataset")).header("Authorization", "Bearer " + key).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
                System.out.printf(Locale.ROOT, "dataset page: the last scan of the store (%d events) took %d ms; "
                        + "it is reused for 10 s%n", scan.path("events").asLong(), scan.path("scan_ms").asLong());
            }
        } finally {
            delete(tmp);
        }
        return 0;
    }

    private static void delete(Path tmp) throws java.io.IOException {
        try (var walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The dataset's first {@code --events} events, user by user, with its clock (or one a second if it has none). */
    private int fill(String store) throws Exception {
        SequenceDataset data = DatasetStore.open(dataset);
        boolean clock = data.info().timeKind() == TimeKind.EPOCH_MILLIS;
        int n = 0;
        try (EventStore s = EventStores.open(store)) {
            List<Event> batch = new ArrayList<>(10_000);
            for (int u = 0; u < data.numUsers() && n < events; u++) {
                for (int i = data.start(u); i < data.end(u) && n < events; i++, n++) {
                    long t = clock ? data.time(i) : 1_700_000_000_000L + 1000L * n;
                    batch.add(new Event(data.users().externalId(u), data.items().externalId(data.item(i)),
                            data.actions().externalId(data.action(i)), t, null));
                    if (batch.size() == 10_000) {
                        s.append(batch, null);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                s.append(batch, null);
            }
        }
        return n;
    }

    private void measure(String base, String key, Path profile) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build(), o);
        try {
            driver.get(base + "/");
            await(driver, "signin");
            driver.findElement(By.id("key")).sendKeys(key);
            driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
            await(driver, "ready");
            System.out.printf(Locale.ROOT, "%-13s %20s %20s %10s%n", "page", "load event ms", "ready ms",
                    "ready/load");
            System.out.printf(Locale.ROOT, "%-13s %10s %9s %10s %9s %10s%n", "", "p50", "max", "p50", "max", "p50");
            for (String page : pages == null ? PAGES : pages) {
                LatencyStats load = new LatencyStats();
                LatencyStats ready = new LatencyStats();
                for (int r = 0; r <= rounds; r++) {
                    driver.get(base + page);
                    await(driver, "ready");
                    List<?> t = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                            const n = performance.getEntriesByType('navigation')[0];
                            const r = performance.getEntriesByName('seqmind-ready')[0];
                            return [n.loadEventEnd, r ? r.startTime : -1];""");
                    if (r > 0) { // the first load warms the browser cache and the server's JIT
                        load.add(nanos(t.get(0)));
                        ready.add(nanos(t.get(1)));
                    }
                }
                System.out.printf(Locale.ROOT, "%-13s %10.1f %9.1f %10.1f %9.1f %9.2fx%n", page,
                        load.quantileMillis(0.5), load.quantileMillis(1.0),
                        ready.quantileMillis(0.5), ready.quantileMillis(1.0),
                        ready.quantileMillis(0.5) / Math.max(1e-9, load.quantileMillis(0.5)));
                if (screenshots != null) {
                    Files.createDirectories(screenshots);
                    String name = page.equals("/") ? "overview" : page.substring(1);
                    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            driver.quit();
        }
    }

    private static long nanos(Object millis) {
        return Math.round(((Number) millis).doubleValue() * 1e6);
    }

    private static void await(ChromeDriver driver, String state) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        String s = null;
        while (System.currentTimeMillis() < end) {
            s = (String) driver.executeScript("return document.body ? document.body.dataset.state : null;");
            if (state.equals(s)) {
                return;
            }
            if ("error".equals(s)) {
                break;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("page " + driver.getCurrentUrl() + " is '" + s + "', not '" + state + "'");
    }
}
