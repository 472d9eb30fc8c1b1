package dev.seqmind.server.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The model version list written to a real SQLite file and read back by a new process's list (PostgreSQL: the subclass). */
class StoredVersionsTest {
    /** The {@code --store} value of a fresh, empty database. */
    String freshStore(Path tmp) throws Exception {
        return tmp.resolve("v.sqlite").toString();
    }

    private static ModelVersions.Version version(String name, long n, Path dir) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("p_value", 0.003);
        metrics.put("gain", 0.25);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainer", "markov1");
        provenance.put("events", 1234);
        provenance.put("params", Map.of("k", "3"));
        return new ModelVersions.Version(name, n, dir, Instant.parse("2026-01-02T03:04:05.123456Z"),
                Instant.parse("2026-01-03T00:00:00Z"), metrics, provenance);
    }

    @Test
    void versionsAndTheActiveOneOutliveTheList(@TempDir Path tmp) throws Exception {
        String store = freshStore(tmp);
        Path a = tmp.resolve("a").toAbsolutePath();
        Path b = tmp.resolve("b").toAbsolutePath();
        try (ModelVersions v = new ModelVersions(StoredVersions.open(store))) {
            assertThat(v.list()).isEmpty();
            v.add(version("markov1", 1, a));
            v.add(version("markov1", 2, b));
            v.add(version("pop", 1, a));
            v.activate("markov1", 1);
        }
        try (ModelVersions v = new ModelVersions(StoredVersions.open(store))) {
            List<ModelVersions.Version> all = v.list();
            assertThat(all).extracting(ModelVersions.Version::name).containsExactly("markov1", "markov1", "pop");
            assertThat(all.get(1)).isEqualTo(version("markov1", 2, b));
            assertThat(v.active("markov1").orElseThrow().version()).isEqualTo(1);
            assertThat(v.active("pop").orElseThrow().version()).isEqualTo(1);
            assertThat(v.next("markov1")).isEqualTo(3);
            assertThat(v.find("markov1", tmp.resolve("x/../b")).orElseThrow().version()).isEqualTo(2);
            assertThat(v.rollbackTarget("markov1", null)).isEmpty();
            v.activate("markov1", 2);
            assertThat(v.rollbackTarget("markov1", null).orElseThrow().version()).isEqualTo(1);
        }
        try (ModelVersions v = new ModelVersions(StoredVersions.open(store))) {
            assertThat(v.active("markov1").orElseThrow().version()).isEqualTo(2);
        }
    }
}
