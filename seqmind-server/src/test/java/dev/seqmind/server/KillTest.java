package dev.seqmind.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server runs as a child JVM; four threads send batches (each with an idempotency key, retried once on a
 * failure as a client would); the child is killed with SIGKILL mid-stream and restarted. Every acknowledged event
 * must be in the store exactly once, and the restarted server's live state must hold it. Five rounds, each restart
 * serving the next round.
 */
@org.junit.jupiter.api.Timeout(180)
class KillTest {
    @Test
    void everyAcknowledgedEventSurvivesSigkillExactlyOnce(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        Path store = tmp.resolve("events.sqlite");
        Map<String, Integer> acked = new HashMap<>(); // event "user|item" -> times acknowledged
        Process child = startChild(shop, store);
        int port = portOf(child);
        try {
            for (int round = 0; round < 5; round++) {
                List<String> ackedNow = blastThenKill(child, port, shop.writeKey(), round);
                ackedNow.forEach(e -> acked.merge(e, 1, Integer::sum));
                assertThat(ackedNow).as("round " + round + " acknowledged something before the kill").isNotEmpty();
                Map<String, Integer> stored = storedCounts(store);
                for (Map.Entry<String, Integer> e : acked.entrySet()) {
                    assertThat(e.getValue()).as("acknowledged once").isEqualTo(1);
                    assertThat(stored.get(e.getKey())).as("stored exactly once: " + e.getKey()).isEqualTo(1);
                }
                assertThat(stored.values()).as("nothing stored twice").allMatch(n -> n == 1);
                child = startChild(shop, store);
                port = portOf(child);
                Http http = new Http(port);
                String user = "r" + round + "t0";
                int liveCount = http.get("/v1/users/" + user + "/events?limit=100000", shop.adminKey())
                        .json().get("events").size();
                assertThat(liveCount).isEqualTo(stored.keySet().stream().filter(k -> k.startsWith(user + "|")).count());
                assertThat(http.get("/v1/users/" + user + "/recommendations", shop.readKey()).json().get("history_length")
                        .asInt()).isGreaterThan(0); // live state rebuilt from the store
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** Sends batches from 4 threads until the child is SIGKILLed after a random moment; returns acked events. */
    private static List<String> blastThenKill(Process child, int port, String key, int round) throws Exception {
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String user = "r" + round + "t" + t;
            threads.add(Thread.ofPlatform().start(() -> {
                Http http = new Http(port);
                for (int b = 0; !stop.get(); b++) {
                    StringBuilder body = new StringBuilder("{\"idempotency_key\":\"" + user + "-" + b + "\",\"events\":[");
                    List<String> events = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        String id = "b" + b + "e" + i; // the event's identity; items are ones the model knows
                        events.add(user + "|" + id);
                        body.append(i == 0 ? "" : ",").append("{\"user\":\"").append(user).append("\",\"item\":\"i")
                                .append((b * 20 + i) % Fixtures.ITEMS).append("\",\"action\":\"view\",")
                                .append("\"properties\":{\"id\":\"").append(id).append("\"}}");
                    }
                    body.append("]}");
                    for (int attempt = 0; attempt < 2; attempt++) { // a client retries a failed send once
                        try {
                            var r = http.post("/v1/events", key, body.toString());
                            if (r.status() == 200) {
                                if (!r.json().get("duplicate").asBoolean()) {
                                    acked.addAll(events);
                                }
                                break;
                            }
                            problems.add(r.status() + " " + r.text());
                        } catch (RuntimeException e) {
                            if (stop.get()) {
                                return;
                            }
                            problems.add(e.toString());
                        }
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acked.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the stream is flowing before the kill
        }
        Thread.sleep(100 + (round * 97) % 300);
        child.destroyForcibly(); // SIGKILL on Linux
        child.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        if (acked.isEmpty()) {
            throw new AssertionError("nothing acknowledged in round " + round + ": " + problems.stream().limit(3).toList());
        }
        return new ArrayList<>(acked);
    }

    private static Map<String, Integer> storedCounts(Path store) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
             ResultSet rs = c.createStatement().executeQuery("SELECT user_id, props FROM events")) {
            while (rs.next()) {
                String props = rs.getString(2); // {"id":"b3e4"}
                String id = props.substring(props.indexOf(":\"") + 2, props.lastIndexOf('"'));
                out.merge(rs.getString(1) + "|" + id, 1, Integer::sum);
            }
        }
        return out;
    }

    private static Process startChild(Fixtures.Shop shop, Path store) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ChildServer.class.getName(), store.toString(),
                shop.dataset().toString(), shop.markov().toString(), shop.keys().toString())
                .redirectErrorStream(true).start();
    }

    private static int portOf(Process child) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                int port = Integer.parseInt(line.substring(5).strip());
                Thread.ofPlatform().daemon().start(() -> drain(r)); // keep the pipe from filling up
                return port;
            }
        }
        throw new IllegalStateException("the child server did not start");
    }

    private static void drain(BufferedReader r) {
        try {
            while (r.readLine() != null) {
                // discard
            }
        } catch (java.io.IOException e) {
            // the child died
        }
    }
}
