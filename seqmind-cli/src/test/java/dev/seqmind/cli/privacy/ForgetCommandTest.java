package dev.seqmind.cli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.seqmind.cli.CliRun;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class ForgetCommandTest {
    private static final String RAW = "alice-7731-erase-me";
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    @Test
    void forgetRemovesEveryTraceOfTheUserAndWritesAReceipt() throws Exception {
        Path log = tmp.resolve("log.csv");
        StringBuilder csv = new StringBuilder("user,item,action,timestamp\n");
        for (int u = 0; u < 30; u++) {
            String user = u == 7 ? RAW : "user-" + u;
            for (int k = 0; k < 5; k++) {
                csv.append(user).append(",item").append((u + k) % 9).append(",view,").append(1_700_000_000L + 10 * k + u)
                        .append('\n');
            }
        }
        Files.writeString(log, csv);
        Path keyFile = tmp.resolve("pseudonym.key");
        Files.writeString(keyFile, KEY);
        Path ds = tmp.resolve("ds");
        CliRun ingest = run("ingest", log.toString(), "--pseudonymize", "--key-file", keyFile.toString(), "--out",
                ds.toString(), "-q");
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        String pseudonym = new Pseudonymizer(KEY.getBytes(StandardCharsets.ISO_8859_1)).pseudonym(RAW);
        SequenceDataset before = DatasetStore.open(ds);
        int dense = before.users().denseId(pseudonym);
        assertThat(dense).isNotNegative();

        // artefacts around the dataset: a saved result naming the user, an export, a model trained on it
        Files.createDirectories(ds.resolve("results"));
        Files.writeString(ds.resolve("results/segments.tsv"), "segment\tuser\nA\t" + pseudonym + "\nA\tuser-x\n");
        assertThat(run("export", "--dataset", ds.toString(), "--format", "sasrec", "--out",
                tmp.resolve("exp/ds").toString()).exit()).isZero();
        Path model = tmp.resolve("models/pop");
        Files.createDirectories(model);
        Files.writeString(model.resolve("model.json"), "{\"type\":\"popularity\",\"name\":\"pop\",\"provenance\":"
                + "{\"datasetFingerprint\":\"" + DatasetFingerprint.of(before).id() + "\"}}");

        // the scan has the power to see the user before the erasure
        assertThat(filesContaining(ds, pseudonym)).contains(ds.resolve("names.bin"),
                ds.resolve("results/segments.tsv"));
        assertThat(sqlCount(ds, pseudonym)).isEqualTo(5);

        List<String> requests = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/users/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " "
                    + ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        Path adminKey = tmp.resolve("admin.key");
        Files.writeString(adminKey, "s3cret\n");
        CliRun r;
        try {
            r = run("forget", "--dataset", ds.toString(), "--user", RAW, "--pseudonym-key-file", keyFile.toString(),
                    "--models", tmp.resolve("models").toString(), "--server",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "--key-file", adminKey.toString());
        } finally {
            server.stop(0);
        }
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("1 user(s) and 5 event(s) removed").contains("stale model (retrain it): " + model)
                .contains("export made before").contains("HTTP 204");
        assertThat(requests).containsExactly("DELETE /v1/users/" + RAW + " Bearer s3cret");

        // byte scan of every artefact: neither the raw id nor the pseudonym is left anywhere
        for (String trace : List.of(RAW, pseudonym)) {
            assertThat(filesContaining(ds, trace)).as("files holding %s", trace).isEmpty();
            assertThat(filesContaining(model, trace)).isEmpty();
        }
        assertThat(sqlCount(ds, pseudonym)).isZero();
        SequenceDataset after = DatasetStore.open(ds);
        assertThat(after.users().denseId(pseudonym)).isNegative();
        assertThat(after.numUsers()).isEqualTo(29);
        assertThat(after.numInteractions()).isEqualTo(before.numInteractions() - 5);
        // the dense ids after the erased one moved down: the old mapping for the erased id is gone
        assertThat(after.users().externalId(dense)).isEqualTo(before.users().externalId(dense + 1));
        assertThat(Files.readString(ds.resolve("results/segments.tsv"))).contains("user-x");
        assertThat(ds.resolve("results/segments.tsv.stale")).exists();

        Path receipt;
        try (Stream<Path> s = Files.list(ds.resolve("erasures"))) {
            receipt = s.findFirst().orElseThrow();
        }
        JsonNode j = new ObjectMapper().readTree(receipt.toFile());
        assertThat(j.path("usersRemoved").asInt()).isEqualTo(1);
        for (JsonNode f : j.path("datasetFiles")) {
            assertThat(f.path("before").asText()).hasSize(64).isNotEqualTo(f.path("after").asText());
        }
        assertThat(j.path("staleModels").get(0).path("name").asText()).isEqualTo("pop");
        assertThat(run("audit", "--dataset", ds.toString(), "--action", "erase").out()).contains(
                j.path("request").asText());
        System.out.println("erasure receipt from the test:\n" + Files.readString(receipt));
    }

    @Test
    void unknownUserChangesNothingAndSaysSo() throws IOException {
        Path log = tmp.resolve("log.csv");
        Files.writeString(log, "user,item,action,timestamp\nu1,a,view,1700000000\nu2,b,view,1700000002\n");
        Path ds = tmp.resolve("ds");
        assertThat(run("ingest", log.toString(), "--out", ds.toString(), "-q").exit()).isZero();
        String manifest = Files.readString(ds.resolve("dataset.json"));
        CliRun r = run("forget", "--dataset", ds.toString(), "--user", "nobody");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("no such user");
        assertThat(Files.readString(ds.resolve("dataset.json"))).isEqualTo(manifest);
    }

    /** Every regular file under {@code root} whose bytes contain {@code trace} in UTF-8 or UTF-16. */
    static List<Path> filesContaining(Path root, String trace) throws IOException {
        List<byte[]> needles = List.of(trace.getBytes(StandardCharsets.UTF_8),
                trace.getBytes(StandardCharsets.UTF_16LE), trace.getBytes(StandardCharsets.UTF_16BE));
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                for (byte[] n : needles) {
                    if (indexOf(b, n) >= 0) {
                        out.add(p);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Events of {@code user} in the DuckDB mirror, asked through SQL (compression cannot hide them from a query). */
    private static long sqlCount(Path ds, String user) throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + ds.resolve("dataset.duckdb"), p);
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM interactions WHERE \"user\" = ?")) {
            st.setString(1, user);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
