package dev.seqmind.cli.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.abtest.AbAnalysis;
import dev.seqmind.rec.abtest.AbReplay;
import dev.seqmind.rec.abtest.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code seqmind ab simulate}: the held-out end of a log as live traffic through a running server's experiment.
 * Defines the experiment (with {@code --salt}, so users fall in the same variants as in {@code ab replay}), posts
 * each held-out user's earlier events (their history), starts it, then for every held-out event in time order asks
 * the server for the user's recommendations and posts the event; finally reads the server's verdict.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay the held-out end of a log through a running 'seqmind serve' as an A/B test: define and "
                + "start an experiment over models the server has loaded, send each held-out event as a "
                + "recommendation request followed by the event, and print the server's per-variant rates and verdict.")
public final class AbSimulateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExperimentOptions exp = new ExperimentOptions();

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "The server's base URL. "
            + "Default: ${DEFAULT-VALUE}.")
    String server;

    @Option(names = "--read-key", defaultValue = "${env:SEQMIND_READ_KEY}", description = "A read key (default: "
            + "$SEQMIND_READ_KEY).")
    String readKey;

    @Option(names = "--write-key", defaultValue = "${env:SEQMIND_WRITE_KEY}", description = "A write key "
            + "(default: $SEQMIND_WRITE_KEY).")
    String writeKey;

    @Option(names = "--admin-key", defaultValue = "${env:SEQMIND_ADMIN_KEY}", description = "An admin key "
            + "(default: $SEQMIND_ADMIN_KEY).")
    String adminKey;

    @Option(names = "--name", defaultValue = "replayed traffic", description = "The experiment's name. "
            + "Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--seed-history", defaultValue = "200", description = "Events before the cut posted per "
            + "held-out user as their history (the server's --max-len). Default: ${DEFAULT-VALUE}.")
    int seedHistory;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients; each user's events stay in "
            + "order on one client. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--stop", description = "Stop the experiment at the end (default: leave it running).")
    boolean stop;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the server's final experiment JSON here "
            + "(default: not written).")
    Path outFile;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        exp.check();
        InvalidParameterException.requireInRange("--clients", clients, 1, 64);
        InvalidParameterException.requireInRange("--seed-history", seedHistory, 0, 100_000);
        for (String[] k : new String[][] {{"--read-key", readKey}, {"--write-key", writeKey},
                {"--admin-key", adminKey}}) {
            if (k[1] == null || k[1].isBlank()) {
                throw new InvalidParameterException(k[0], "", "a key (or its environment variable)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        SequenceDataset ds = exp.load(TerminalProgress.stderr(false));
        long cut;
        try {
            cut = AbReplay.cut(ds, exp.holdoutFrom);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("--data", exp.data, "a log with timestamps", e.getMessage());
        }
        int[] events = AbReplay.heldOut(ds, cut);
        int[] userOf = new int[ds.numInteractions()];
        Set<Integer> users = new LinkedHashSet<>();
        for (int u = 0; u < ds.numUsers(); u++) {
            java.util.Arrays.fill(userOf, ds.start(u), ds.end(u), u);
        }
        for (int i : events) {
            users.add(userOf[i]);
        }
        String id = create();
        long t0 = System.nanoTime();
        long seeded = seed(ds, cut, users);
        err().printf(Locale.ROOT, "experiment %s defined; posted %,d history events of %,d users in %.1f s%n", id,
                seeded, users.size(), (System.nanoTime() - t0) / 1e9);
        check(send("POST", "/v1/experiments/" + id + "/start", adminKey, ""), "start");

        List<List<Integer>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            parts.add(new ArrayList<>());
        }
        for (int i : events) {
            parts.get(Math.floorMod(Integer.hashCode(userOf[i]) * 0x9E3779B9, clients)).add(i);
        }
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long t1 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (List<Integer> part : parts) {
                done.add(pool.submit(() -> {
                    for (int i : part) {
                        String user = ds.users().externalId(userOf[i]);
                        var r = send("GET", "/v1/users/" + enc(user) + "/recommendations?k=" + exp.k
                                + "&explain=false", readKey, null);
                        var e = send("POST", "/v1/events", writeKey, event(ds, userOf[i], i).toString());
                        requests.addAndGet(2);
                        failed.addAndGet((r.statusCode() == 200 ? 0 : 1) + (e.statusCode() == 200 ? 0 : 1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - t1) / 1e9;
        var res = send(stop ? "POST" : "GET", "/v1/experiments/" + id + (stop ? "/stop" : ""), stop ? adminKey
                : readKey, stop ? "" : null);
        check(res, "read the experiment");
        JsonNode e = JSON.readTree(res.body());
        if (outFile != null) {
            Files.writeString(outFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e));
        }
        out.printf(Locale.ROOT, "simulated %s through %s: experiment %s (%s), %,d held-out events of %,d users from "
                        + "%s, %,d requests in %.1f s (%,.0f/s), %d failed; salt %s%n", ds.info().name(), server, id,
                e.get("status").asText(), events.length, users.size(), java.time.Instant.ofEpochMilli(cut), requests.get(),
                secs, requests.get() / secs, failed.get(), exp.saltHex());
        List<AbAnalysis.ArmStats> arms = new ArrayList<>();
        List<String> models = new ArrayList<>();
        for (JsonNode v : e.get("variants")) {
            arms.add(new AbAnalysis.ArmStats(v.get("name").asText(), v.get("exposures").asLong(),
                    v.get("clicks").asLong(), v.get("ctr").asDouble(), ci(v.get("ctr_ci")),
                    v.get("conversions").asLong(), v.get("conversion_rate").asDouble(), ci(v.get("conversion_ci"))));
            models.add(v.get("model").asText());
        }
        ArmTable.print(out, arms, models, null);
        JsonNode v = e.get("verdict");
        ArmTable.verdict(out, new AbAnalysis.Verdict(v.get("winner").isNull() ? null : v.get("winner").asText(),
                v.get("p_value").asDouble(), v.get("decision").asText(), v.get("text").asText()));
        return failed.get() == 0 ? 0 : 1;
    }

    private String create() throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        ArrayNode vs = body.putArray("variants");
        double[] shares = exp.shares();
        List<ExperimentOptions.VariantSpec> specs = exp.specs();
        for (int i = 0; i < specs.size(); i++) {
            vs.addObject().put("name", specs.get(i).name()).put("model", specs.get(i).model()).put("share", shares[i]);
        }
        body.put("attribution_window_seconds", exp.windowSeconds);
        exp.clickActions.forEach(body.putArray("click_actions")::add);
        exp.conversionActions.forEach(body.putArray("conversion_actions")::add);
        body.put("alpha", exp.alpha);
        body.put("mixing_sd", exp.mixingSd);
        body.put("salt", exp.saltHex());
        var r = send("POST", "/v1/experiments", adminKey, body.toString());
        if (r.statusCode() == 400) {
            JsonNode err = JSON.readTree(r.body());
            String field = err.path("field").asText();
            throw new InvalidParameterException(field.startsWith("variants") ? "--variant" : "--" + field.replace('_',
                    '-'), field, "what the server accepts", err.path("detail").asText());
        }
        check(r, "define the experiment");
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Posts each user's last --seed-history events before the cut, in batches of at most 1,000. */
    private long seed(SequenceDataset ds, long cut, Set<Integer> users) throws IOException {
        ArrayNode batch = JSON.createArrayNode();
        long n = 0;
        for (int u : users) {
            int s = ds.start(u);
            int e = s;
            while (e < ds.end(u) && ds.time(e) < cut) {
                e++;
            }
            for (int i = Math.max(s, e - seedHistory); i < e; i++) {
                batch.add(event(ds, u, i));
                n++;
                if (batch.size() == 1000) {
                    postBatch(batch);
                    batch = JSON.createArrayNode();
                }
            }
        }
        if (!batch.isEmpty()) {
            postBatch(batch);
        }
        return n;
    }

    private void postBatch(ArrayNode events) throws IOException {
        ObjectNode b = JSON.createObjectNode();
        b.set("events", events);
        check(send("POST", "/v1/events", writeKey, b.toString()), "post history events");
    }

    private static ObjectNode event(SequenceDataset ds, int u, int i) {
        ObjectNode o = JSON.createObjectNode();
        o.put("user", ds.users().externalId(u));
        o.put("item", ds.items().externalId(ds.item(i)));
        o.put("action", ds.actions().externalId(ds.action(i)));
        o.put("timestamp", ds.time(i));
        return o;
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the server at " + server + " (is 'seqmind serve' running?)", e);
        }
    }

    private static void check(HttpResponse<String> r, String what) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new IOException("the server refused to " + what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static Interval ci(JsonNode a) {
        return new Interval(a.get(0).asDouble(), a.get(1).asDouble());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
