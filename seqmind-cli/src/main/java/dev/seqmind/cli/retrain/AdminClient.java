package dev.seqmind.cli.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.server.retrain.Promoter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A running server's model admin API: which directory serves a name, and the hot swap as a {@link Promoter}. */
final class AdminClient implements Promoter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    AdminClient(String base, String key) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.key = key;
    }

    /** The directory the server serves as {@code name}. */
    Path servingDir(String name) throws IOException, InterruptedException {
        JsonNode list = send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/models")).GET());
        for (JsonNode m : list.path("models")) {
            if (m.path("name").asText().equals(name)) {
                return Path.of(m.path("path").asText());
            }
        }
        throw new SeqmindException(base + " serves no model called '" + name + "' (it serves "
                + list.path("models").findValuesAsText("name") + ")");
    }

    @Override
    public String promote(String name, Path dir) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("name", name, "path", dir.toAbsolutePath().toString()));
        JsonNode m = send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/models"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        return name + " version " + m.path("version").asText() + " on " + base;
    }

    private JsonNode send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.header("Authorization", "Bearer " + key).timeout(Duration.ofMinutes(2))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new SeqmindException(r.request().method() + " " + r.request().uri() + " answered "
                    + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
