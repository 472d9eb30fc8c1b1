package dev.seqmind.cli.serve;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code seqmind bench serve}: an open-loop load generator against a running {@code seqmind serve} on this machine.
 * Requests are due on a fixed schedule whatever the answers and go out over a fixed number of keep-alive connections
 * ({@link OpenLoop}: latency counts from the due moment, so a slow server cannot hide queueing; the generator's own
 * lateness and CPU are printed apart), bounded in time and in waiting requests; optional concurrent single-event
 * intake; and a durable-intake mode (closed loop, events/s for batches and single events).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Open-loop latency and durable-intake benchmark of a running 'seqmind serve' (127.0.0.1 only).")
public final class ServeBench implements Callable<Integer> {
    @Option(names = "--port", required = true, description = "The server's port on 127.0.0.1.")
    int port;

    @Option(names = "--read-key", required = true, description = "A key with the read role.")
    String readKey;

    @Option(names = "--write-key", required = true, description = "A key with the write role.")
    String writeKey;

    @Option(names = "--dataset", required = true, paramLabel = "DIR",
            description = "The dataset the model was trained on: bench users replay the end of real sequences.")
    Path dataset;

    @Option(names = "--rates", split = ",", defaultValue = "500,1000,2000",
            description = "Offered recommendation requests a second, one run each (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Unrecorded warm-up at the first rate "
            + "(default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--events-rate", defaultValue = "1000", description = "Single events a second sent during the "
            + "runs, 0 for none (default: ${DEFAULT-VALUE}).")
    int eventsRate;

    @Option(names = "--users", defaultValue = "2000", description = "Bench users, each seeded with the last "
            + "--history items of a real user (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--history", defaultValue = "50", description = "Items seeded per bench user (default: "
            + "${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--explain", defaultValue = "false", description = "Ask for explanations (default: "
            + "${DEFAULT-VALUE}).")
    boolean explain;

    @Option(names = "--connections", defaultValue = "64", description = "Connections sending recommendation "
            + "requests, one request in flight each (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--event-connections", defaultValue = "32", description = "Connections sending the events "
            + "alongside (default: ${DEFAULT-VALUE}).")
    int eventConnections;

    @Option(names = "--max-outstanding", defaultValue = "4000", description = "Due requests waiting for a free "
            + "connection at most; more are counted as failed (default: ${DEFAULT-VALUE}).")
    int maxOutstanding;

    @Option(names = "--real-users", description = "Ask for the dataset's own users (live state from the store) "
            + "instead of seeding bench users: writes nothing, e.g. while a retraining reads the store. Default: off.")
    boolean realUsers;

    @Option(names = "--intake", description = "Measure durable intake instead: events/s in batches of 100 and "
            + "1000 and single-event requests/s, closed loop with --clients clients.")
    boolean intake;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients for --intake (default: "
            + "${DEFAULT-VALUE}).")
    int clients;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65_535) {
            throw new InvalidParameterException("--port", port, "in [1, 65535]");
        }
        if (connections < 1 || eventConnections < 1) {
            throw new InvalidParameterException("--connections", Math.min(connections, eventConnections), ">= 1");
        }
        SequenceDataset data = DatasetStore.open(dataset);
        String base = "http://127.0.0.1:" + port;
        if (intake) {
            for (int batch : new int[] {100, 1000, 1}) {
                intake(base, data, batch);
            }
            return 0;
        }
        long t0 = System.nanoTime();
        if (!realUsers) {
            seed(base, data);
            System.out.printf(Locale.ROOT, "seeded %d bench users with up to %d items each in %.1f s%n", users,
                    history, (System.nanoTime() - t0) / 1e9);
        }
        run(base, data, rates.getFirst(), warmup, "warm-up");
        for (int rate : rates) {
            run(base, data, rate, seconds, "recommend");
        }
        return 0;
    }

    private void seed(String base, SequenceDataset data) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        Semaphore window = new Semaphore(16);
        for (int u = 0; u < users; u++) {
            int real = u % data.numUsers();
            int[] seq = data.itemsOf(real);
            StringBuilder b = new StringBuilder("{\"events\":[");
            int from = Math.max(0, seq.length - history);
            for (int i = from; i < seq.length; i++) {
                b.append(i == from ? "" : ",").append("{\"user\":\"bench-").append(u).append("\",\"item\":\"")
                        .append(data.items().externalId(seq[i])).append("\",\"action\":\"view\"}");
            }
            window.acquire();
            pending.add(client.sendAsync(post(base + "/v1/events", writeKey, b.append("]}").toString()),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> window.release()));
        }
        for (var f : pending) {
            if (f.get().statusCode() != 200) {
                throw new IllegalStateException("seeding failed: " + f.get().statusCode() + " " + f.get().body());
            }
        }
    }

    /** One open-loop run at {@code rate} requests/s for {@code secs}, with events at --events-rate alongside. */
    private void run(String base, SequenceDataset data, int rate, int secs, String label) throws Exception {
        long start = System.nanoTime() + 20_000_000;
        AtomicLong eventSeq = new AtomicLong();
        long cpu0 = processCpuNanos();
        OpenLoop.Running events = eventsRate <= 0 ? null : new OpenLoop(client, eventConnections, maxOutstanding)
                .start(start, eventsRate, (long) eventsRate * secs, i -> post(base + "/v1/events", writeKey,
                        "{\"user\":\"bench-" + (i % users) + "\",\"item\":\""
                                + data.items().externalId((int) (eventSeq.incrementAndGet() % data.numItems()))
                                + "\",\"action\":\"view\"}"));
        String q = "/recommendations?k=10&explain=" + explain;
        int asked = realUsers ? data.numUsers() : users;
        String[] urls = new String[asked];
        for (int u = 0; u < asked; u++) {
            urls[u] = base + "/v1/users/" + (realUsers ? data.users().externalId(u) : "bench-" + u) + q;
        }
        OpenLoop.Stats recs = new OpenLoop(client, connections, maxOutstanding)
                .start(start, rate, (long) rate * secs,
                        i -> get(urls[new SplittableRandom(rate * 1_000_003L + i).nextInt(asked)], readKey)).await();
        OpenLoop.Stats ev = events == null ? null : events.await();
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        if (!label.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "offered %d req/s for %d s: %s%n", rate, secs, recs.fromDue().summary(secs));
            System.out.printf(Locale.ROOT, "  send to answer: %s%n", recs.service().summary(secs));
            System.out.printf(Locale.ROOT, "  generator sent late by: p99 %.2f ms, max %.2f ms; generator CPU %.1f s "
                            + "(%.0f%% of one core); load average %.2f%n", recs.dispatchLate().quantileMillis(0.99),
                    recs.dispatchLate().quantileMillis(1.0), cpu, 100 * cpu / secs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (ev != null) {
                System.out.printf(Locale.ROOT, "  events alongside at %d/s: %s%n", eventsRate,
                        ev.fromDue().summary(secs));
            }
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Closed loop: --clients clients send batches of {@code batch} events for --seconds. */
    private void intake(String base, SequenceDataset data, int batch) throws Exception {
        LatencyStats stats = new LatencyStats();
        AtomicLong sent = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client0 = c;
            threads.add(Thread.ofVirtual().start(() -> {
                SplittableRandom r = new SplittableRandom(client0);
                while (System.nanoTime() < end) {
                    StringBuilder b = new StringBuilder(batch == 1 ? "" : "{\"events\":[");
                    for (int i = 0; i < batch; i++) {
                        b.append(i == 0 ? "" : ",").append("{\"user\":\"intake-").append(r.nextInt(100_000))
                                .append("\",\"item\":\"").append(data.items().externalId(r.nextInt(data.numItems())))
                                .append("\",\"action\":\"view\"}");
                    }
                    long t = System.nanoTime();
                    try {
                        var resp = client.send(post(base + "/v1/events", writeKey, b.append(batch == 1 ? "" : "]}")
                                .toString()), HttpResponse.BodyHandlers.discarding());
                        if (resp.statusCode() == 200) {
                            stats.add(System.nanoTime() - t);
                            sent.addAndGet(batch);
                        } else {
                            stats.fail();
                        }
                    } catch (Exception e) {
                        stats.fail();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(Locale.ROOT, "intake, %s, %d clients, %d s: %.0f events/s acknowledged (durable); "
                        + "requests: %s%n", batch == 1 ? "single events" : "batches of " + batch, clients, seconds,
                sent.get() / (double) seconds, stats.summary(seconds));
    }

    private static HttpRequest get(String url, String key) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String url, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
