package dev.seqmind.cli.insight;

import dev.seqmind.cli.CliRun;
import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class InsightCommandTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path key;
    static SequenceDataset ds;

    @BeforeAll
    static void dataset() throws IOException {
        data = tmp.resolve("ds");
        ds = new LogGenerator(GeneratorConfig.of(600, 400, 15_000, 9).withSegments(3)).toDataset();
        DatasetStore.save(ds, data);
        key = tmp.resolve("key");
        Files.writeString(key, "0123456789abcdef0123456789abcdef");
    }

    @Test
    void writesTheReportSegmentsAndPseudonymisedAudiences() throws IOException {
        Path out = tmp.resolve("insight");
        CliRun r = run("insight", "--data", data.toString(), "--out", out.toString(), "--max-k", "5",
                "--restarts", "2", "--key-file", key.toString(), "--min-users", "20", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("insight.json")).exists();
        assertThat(Files.readString(out.resolve("insight.html"))).contains("echarts");
        List<String> segments = Files.readAllLines(out.resolve("segments.tsv"));
        assertThat(segments).hasSize(601);
        String pseudonym = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                .pseudonym(ds.users().externalId(0));
        assertThat(segments.get(1)).startsWith(pseudonym + "\t");
        try (var files = Files.list(out.resolve("audiences"))) {
            assertThat(files.toList()).isNotEmpty();
        }
    }

    @Test
    void segmentSizesAreReleasedWithNoiseAndChargedToTheLedger() throws IOException {
        Path dir = tmp.resolve("ds-dp");
        DatasetStore.save(ds, dir);
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        CliRun exact = run("insight", "--data", dir.toString(), "--out", tmp.resolve("exact").toString(), "--k", "3",
                "--restarts", "1", "-q");
        assertThat(exact.exit()).as(exact.err()).isZero();
        CliRun r = run("insight", "--data", dir.toString(), "--out", tmp.resolve("dp").toString(), "--k", "3",
                "--restarts", "1", "--dp-epsilon", "0.5", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        var a = om.readTree(tmp.resolve("exact/insight.json").toFile()).path("segments");
        var b = om.readTree(tmp.resolve("dp/insight.json").toFile()).path("segments");
        assertThat(b).hasSize(a.size());
        int differ = 0;
        double shares = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).path("id").asInt()).isEqualTo(a.get(i).path("id").asInt());
            int noisy = b.get(i).path("size").asInt();
            // Laplace scale 2: beyond 40 has probability e^-20
            assertThat(Math.abs(noisy - a.get(i).path("size").asInt())).isLessThanOrEqualTo(40);
            differ += noisy != a.get(i).path("size").asInt() ? 1 : 0;
            shares += b.get(i).path("share").asDouble();
        }
        assertThat(differ).isPositive(); // P(all three draws round to 0) = (1 - e^-0.25)^3 < 1 %
        assertThat(shares).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Files.readString(dir.resolve("privacy-ledger.jsonl"))).contains("insight segment sizes");

        CliRun over = run("insight", "--data", dir.toString(), "--out", tmp.resolve("dp2").toString(), "--k", "3",
                "--dp-epsilon", "10", "-q");
        assertThat(over.exit()).isEqualTo(4);
        assertThat(Files.readAllLines(dir.resolve("privacy-ledger.jsonl"))).hasSize(1);
        assertThat(tmp.resolve("dp2/insight.json")).doesNotExist();
    }

    @Test
    void comparesWithKnownSegments() throws IOException {
        Path gen = tmp.resolve("gen");
        CliRun g = run("generate", "--users", "900", "--items", "500", "--events", "30000", "--seed", "4",
                "--segments", "3", "--out", gen.toString(), "-q");
        assertThat(g.exit()).as(g.err()).isZero();
        CliRun r = run("insight", "--data", gen.resolve("events.csv").toString(), "--items",
                gen.resolve("items.csv").toString(), "--out", tmp.resolve("gen-insight").toString(), "--max-k", "5",
                "--known-segments", gen.resolve("segments.tsv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("chosen k = 3").containsPattern("adjusted Rand index against .*: 0\\.[6-9]\\d+ "
                + "over 900 users");
    }

    @Test
    void rawIdsWithoutAKeyGetNoAudienceFiles() {
        Path out = tmp.resolve("nokey");
        CliRun r = run("insight", "--data", data.toString(), "--out", out.toString(), "--max-k", "3",
                "--restarts", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("chosen k = ").contains("no audiences written");
        assertThat(out.resolve("segments.tsv")).doesNotExist();
    }

    @Test
    void patternAudiencesRespectTheMinimumSize() throws IOException {
        String a = ds.items().externalId(ds.item(ds.start(0)));
        Path file = tmp.resolve("aud.csv");
        CliRun ok = run("insight", "audience", "--data", data.toString(), "--did", a, "--min-users", "1",
                "--key-file", key.toString(), "--out", file.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("user");
        CliRun small = run("insight", "audience", "--data", data.toString(), "--did", a, "--min-users", "100000",
                "--key-file", key.toString(), "--out", tmp.resolve("none.csv").toString());
        assertThat(small.exit()).isEqualTo(3);
        assertThat(small.err()).contains("fewer than the minimum of 100000");
        assertThat(tmp.resolve("none.csv")).doesNotExist();
        assertThat(run("insight", "audience", "--data", data.toString(), "--did", "no-such-item",
                "--out", file.toString()).exit()).isEqualTo(2);
    }

    @Test
    void welcomeFlowsAndMissingOptions() {
        CliRun w = run("insight", "welcome", "--data", data.toString(), "-q");
        assertThat(w.exit()).as(w.err()).isZero();
        assertThat(w.out()).contains("most common openings (3 steps)").contains("went on");
        assertThat(run("insight", "--out", tmp.resolve("x").toString()).exit()).isEqualTo(2);
    }
}
