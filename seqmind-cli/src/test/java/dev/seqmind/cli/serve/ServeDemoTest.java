package dev.seqmind.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.SeqmindCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seqmind serve --demo} end to end: a small {@code seqmind demo} run, then {@code serve --demo} in a child
 * process (as a user starts it), which must print its keys and answer a recommendation for the start of a planted
 * chain with an explanation; it stops cleanly on SIGTERM, and a second start keeps the event store and the keys.
 */
class ServeDemoTest {
    private static final Pattern PORT = Pattern.compile("seqmind serving on http://127\\.0\\.0\\.1:(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serveDemoStartsOnTheDemosOutputAndExplainsARecommendation(@TempDir Path tmp) throws Exception {
        Path demo = tmp.resolve("demo");
        CliRun d = CliRun.run("demo", "--dir", demo.toString(), "--users", "300", "--items", "120", "--events",
                "15000", "--neural-epochs", "1");
        assertThat(d.exit()).as(d.err()).isZero();
        String[] chain = Files.readAllLines(demo.resolve("log/planted.tsv")).get(1).split("\t")[1].split(" ");

        Map<String, String> first = start(demo);
        String body = "{\"history\":[\"" + chain[0] + "\",\"" + chain[1] + "\"],\"k\":5,\"explain\":true}";
        try {
            JsonNode r = post(first, "/v1/recommendations", first.get("read"), body);
            assertThat(r.get("fallback").isNull()).isTrue();
            assertThat(r.get("model").asText()).isEqualTo("markov1");
            JsonNode items = r.get("items");
            assertThat(items).isNotEmpty();
            assertThat(items.get(0).get("title").asText()).isNotEmpty();
            JsonNode why = items.get(0).get("explanation");
            assertThat(why.get("sentence").asText()).startsWith("Recommended because");
            assertThat(why.get("contributors").size() + why.get("rules").size()).isPositive();
            assertThat(post(first, "/v1/events", first.get("write"), "{\"user\":\"visitor\",\"item\":\"" + chain[0]
                    + "\",\"action\":\"view\"}").get("stored").asInt()).isEqualTo(1);
        } finally {
            stop(first);
        }
        Map<String, String> second = start(demo);
        try {
            assertThat(second.get("read")).isEqualTo(first.get("read")); // keys kept across restarts
            assertThat(second.get("rebuilt")).isEqualTo("1");               // and the event store too
            JsonNode r = get(second, "/v1/users/visitor/recommendations?k=3", second.get("read"));
            assertThat(r.get("history_length").asInt()).isEqualTo(1);
            assertThat(r.get("items")).isNotEmpty();
        } finally {
            stop(second);
        }
    }

    /** Starts {@code serve --demo} and reads its port, keys and rebuilt-event count from what it prints. */
    private Map<String, String> start(Path demo) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), SeqmindCommand.class.getName(),
                "serve", "--demo", "--demo-dir", demo.toString(), "--port", "0").redirectErrorStream(true).start();
        Map<String, String> out = new HashMap<>();
        out.put("pid", Long.toString(p.pid()));
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = PORT.matcher(line);
            if (m.find()) {
                out.put("port", m.group(1));
                Matcher rebuilt = Pattern.compile("(\\d+) stored events rebuilt").matcher(line);
                out.put("rebuilt", rebuilt.find() ? rebuilt.group(1) : "?");
            }
            for (String role : new String[] {"read", "write", "admin"}) {
                if (line.startsWith(role + " key: ")) {
                    out.put(role, line.substring((role + " key: ").length()).strip());
                }
            }
            if (line.startsWith("stop with Ctrl-C")) {
                Thread.ofPlatform().daemon().start(() -> r.lines().forEach(l -> { }));
                assertThat(out).containsKeys("port", "read", "write", "admin");
                return out;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("serve --demo did not start:\n" + seen);
    }

    private static void stop(Map<String, String> server) throws Exception {
        ProcessHandle h = ProcessHandle.of(Long.parseLong(server.get("pid"))).orElseThrow();
        h.destroy(); // SIGTERM: the shutdown hook closes the server and the store
        h.onExit().get(30, TimeUnit.SECONDS);
    }

    private JsonNode get(Map<String, String> s, String path, String key) throws Exception {
        return send(HttpRequest.newBuilder(uri(s, path)).header("Authorization", "Bearer " + key).GET());
    }

    private JsonNode post(Map<String, String> s, String path, String key, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(s, path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static URI uri(Map<String, String> s, String path) {
        return URI.create("http://127.0.0.1:" + s.get("port") + path);
    }
}
