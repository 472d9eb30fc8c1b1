package dev.seqmind.server.api;

import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bytes, random JSON (wrong types, deep nesting, huge numbers, odd Unicode), random path ids and random query
 * strings against every route: no answer is a 5xx other than 503, every refusal has the error shape, and the
 * server is healthy afterwards. Seeded, so a failure replays.
 */
class FuzzTest {
    private static final String[] FIELDS = {"user", "item", "action", "timestamp", "properties", "events",
        "idempotency_key", "history", "k", "exclude_seen", "exclude", "category", "model", "explain", "name", "path"};

    @Test
    void randomInputToEveryRouteGivesNo5xxButServiceUnavailable(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        try (SeqmindServer server = SeqmindServer.start(Fixtures.config(shop, tmp, new Limits(16 * 1024, 50, 100, 100,
                0)))) {
            Http http = new Http(server.port());
            SplittableRandom r = new SplittableRandom(20_241_204);
            int sent = 0;
            for (var route : server.routes()) {
                for (int i = 0; i < 40; i++) {
                    String path = route.path().replaceAll("\\{[a-z_]+}", URLEncoder.encode(randomText(r, 1 + r.nextInt(300)),
                            StandardCharsets.UTF_8));
                    if (r.nextBoolean()) {
                        path += "?" + randomQuery(r);
                    }
                    byte[] body = null;
                    if (!route.method().equals("GET")) {
                        body = r.nextInt(3) == 0 ? randomBytes(r) : randomJson(r, 0).getBytes(StandardCharsets.UTF_8);
                    }
                    if (route.path().equals("/v1/admin/models") && route.method().equals("POST")) {
                        body = "{\"path\":\"/nonexistent\"}".getBytes(StandardCharsets.UTF_8); // never load garbage
                    }
                    String key = switch (r.nextInt(4)) {
                        case 0 -> null;
                        case 1 -> "sk_" + Long.toString(r.nextLong(), 36);
                        default -> shop.adminKey();
                    };
                    var resp = http.send(route.method(), path, key, body);
                    sent++;
                    assertThat(resp.status()).as(route + " " + path).satisfiesAnyOf(
                            s -> assertThat(s).isLessThan(500), s -> assertThat(s).isEqualTo(503));
                    if (resp.status() >= 400 && !route.path().equals("/health")) {
                        assertThat(resp.json().has("error")).as(route + " error shape: " + resp.text()).isTrue();
                        assertThat(resp.text()).doesNotContain("Exception", "\tat ");
                    }
                }
            }
            assertThat(sent).isGreaterThan(400);
            assertThat(http.get("/health", null).status()).isEqualTo(200);
            assertThat(http.post("/v1/events", shop.writeKey(), "{\"user\":\"ok\",\"item\":\"i1\",\"action\":\"v\"}")
                    .status()).isEqualTo(200);
        }
    }

    private static String randomText(SplittableRandom r, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int kind = r.nextInt(10);
            sb.appendCodePoint(switch (kind) {
                case 0 -> r.nextInt(32); // control characters
                case 1 -> 0x1F600 + r.nextInt(50); // outside the BMP
                case 2 -> 0x4E00 + r.nextInt(500);
                default -> 'a' + r.nextInt(26);
            });
        }
        return sb.toString();
    }

    private static String randomQuery(SplittableRandom r) {
        String[] names = {"k", "exclude_seen", "category", "model", "explain", "limit", "item", "min_confidence",
            "sort"};
        String[] values = {"-1", "0", "5", "99999999999", "true", "maybe", "NaN", "1e309", "", "%25zz", "lift"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            sb.append(i == 0 ? "" : "&").append(names[r.nextInt(names.length)]).append('=')
                    .append(values[r.nextInt(values.length)]);
        }
        return sb.toString();
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] b = new byte[r.nextInt(2000)];
        r.nextBytes(b);
        return b;
    }

    private static String randomJson(SplittableRandom r, int depth) {
        int kind = depth > 4 ? r.nextInt(5) : r.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(r.nextBoolean());
            case 2 -> r.nextBoolean() ? Long.toString(r.nextLong()) : "1" + "0".repeat(r.nextInt(400));
            case 3 -> Double.toString(r.nextDouble() * 1e12 - 5e11);
            case 4 -> '"' + randomText(r, r.nextInt(300)).replace("\\", "\\\\").replace("\"", "\\\"")
                    .chars().mapToObj(c -> c < 32 ? String.format("\\u%04x", c) : String.valueOf((char) c))
                    .reduce("", String::concat) + '"';
            case 5 -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < r.nextInt(5); i++) {
                    sb.append(i == 0 ? "" : ",").append(randomJson(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0; i < r.nextInt(6); i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(FIELDS[r.nextInt(FIELDS.length)]).append("\":")
                            .append(randomJson(r, depth + 1));
                }
                yield sb.append('}').toString();
            }
        };
    }
}
