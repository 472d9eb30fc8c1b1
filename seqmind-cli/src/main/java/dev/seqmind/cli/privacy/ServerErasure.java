package dev.seqmind.cli.privacy;

import dev.seqmind.data.error.SeqmindException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Asks a running seqmind server to erase a user from its event store: {@code DELETE {base}/v1/users/{id}} with the
 * admin key as a bearer token. Only the HTTP route is shared with the server; nothing else. Stateless.
 */
final class ServerErasure {
    private ServerErasure() {
    }

    /** The server's answer. */
    record Result(String url, int status, String body) {
        boolean ok() {
            return status / 100 == 2 || status == 404;
        }
    }

    static Result delete(URI base, Path keyFile, String userId) {
        String key;
        try {
            key = Files.readString(keyFile).strip();
        } catch (IOException e) {
            throw new SeqmindException(keyFile + ": cannot read the server's admin key: " + e.getMessage(), e);
        }
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URI uri = URI.create(root + "v1/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        HttpRequest req = HttpRequest.newBuilder(uri).DELETE().timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).build();
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(req, HttpResponse.BodyHandlers.ofString());
            // the URL names the user, so only the server's base goes into receipts
            return new Result(root + "v1/users/{id}", r.statusCode(), r.body());
        } catch (IOException e) {
            throw new SeqmindException("DELETE " + root + "v1/users/{id} failed: " + e.getMessage()
                    + "; is the server running? (the dataset was erased already; run forget again to retry)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeqmindException("interrupted while calling " + root, e);
        }
    }
}
