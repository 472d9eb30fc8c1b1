package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} and the live routes agree both ways: every route the server registered is documented, every
 * documented route answers (not 404) on a running server, and paths that are not documented get 404.
 */
class OpenApiTest {
    @Test
    void documentedRoutesAreExactlyTheLiveRoutes(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        try (SeqmindServer server = SeqmindServer.start(Fixtures.config(shop, tmp, Limits.defaults()))) {
            Http http = new Http(server.port());
            var doc = http.get("/openapi.json", null);
            assertThat(doc.status()).isEqualTo(200);
            assertThat(doc.json().get("openapi").asText()).startsWith("3.1");
            Set<String> documented = new TreeSet<>();
            doc.json().get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
            Set<String> live = new TreeSet<>();
            server.routes().forEach(r -> live.add(r.method() + " " + r.path()));
            assertThat(documented).isEqualTo(live);

            for (String route : documented) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[a-z_]+}", "i1");
                byte[] body = method.equals("POST") ? "{}".getBytes() : null;
                var r = http.send(method, path, shop.adminKey(), body);
                assertThat(r.status()).as(route + " answers").isLessThan(500);
                assertThat(r.status() == 404 && r.json().path("field").asText().equals("path"))
                        .as(route + " is routed (a 404 names the unknown id, not the path)").isFalse();
                if (r.status() >= 400) {
                    JsonNode e = r.json();
                    assertThat(e.has("error") && e.has("field") && e.has("detail")).as(route + " error shape").isTrue();
                }
            }
            assertThat(http.get("/v1/undocumented", shop.adminKey()).status()).isEqualTo(404);
            assertThat(http.send("PUT", "/v1/events", shop.adminKey(), "{}".getBytes()).status()).isEqualTo(404);
        }
    }
}
