package dev.seqmind.data.store;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetStoreTest {
    @TempDir
    Path tmp;

    /** Three users (one left empty by a prefix cut), ties, odd Unicode, and a catalog with a cold-start item. */
    static SequenceDataset sample() {
        SequenceDataset d = new SequenceDatasetBuilder(new DatasetInfo("sample", List.of("a.csv", "b.csv"),
                TimeKind.EPOCH_MILLIS, List.of("dedupe: 3 rows", "5-core"), true, Map.of("pv", 1.0, "buy", 4.5)))
                .add("u1", "shirt", "pv", 1_000)
                .add("u1", "shoe", "cart", 1_000)
                .add("u1", "shoe", "buy", 2_000)
                .add("ü2 \"quoted\"", "帽子", "pv", 5)
                .add("ü2 \"quoted\"", "shirt", "pv", 7)
                .add("u3", "shirt", "pv", 9)
                .build();
        ItemCatalog catalog = new ItemCatalog(Map.of(
                "shirt", new ItemMetadata("Blue Shirt", List.of("Clothing", "Clothing/Tops"), "cotton",
                        Map.of("colour", "blue", "size", "M")),
                "帽子", new ItemMetadata("Hat 帽子", List.of(), "", Map.of()),
                "cold", new ItemMetadata("Never Seen", List.of("Misc"), "", Map.of("k", "v"))));
        return d.prefixes(new int[] {3, 2, 0}).withCatalog(catalog);
    }

    static void assertSameDataset(SequenceDataset actual, SequenceDataset expected) {
        assertThat(actual.users()).isEqualTo(expected.users());
        assertThat(actual.items()).isEqualTo(expected.items());
        assertThat(actual.actions()).isEqualTo(expected.actions());
        assertThat(actual.numInteractions()).isEqualTo(expected.numInteractions());
        for (int u = 0; u < expected.numUsers(); u++) {
            assertThat(actual.itemsOf(u)).as("items of user %d", u).isEqualTo(expected.itemsOf(u));
            assertThat(actual.timesOf(u)).as("times of user %d", u).isEqualTo(expected.timesOf(u));
            assertThat(actual.actionsOf(u)).as("actions of user %d", u).isEqualTo(expected.actionsOf(u));
        }
        assertThat(actual.catalog().asMap()).isEqualTo(expected.catalog().asMap());
        assertThat(List.copyOf(actual.catalog().asMap().keySet()))
                .isEqualTo(List.copyOf(expected.catalog().asMap().keySet()));
        assertThat(actual.info()).isEqualTo(expected.info());
        assertThat(DatasetFingerprint.of(actual)).isEqualTo(DatasetFingerprint.of(expected));
    }

    @Test
    void roundTripKeepsArraysIdMapsCatalogAndInfo() {
        SequenceDataset d = sample();
        Path dir = tmp.resolve("ds");
        StoreManifest written = DatasetStore.save(d, dir);
        assertSameDataset(DatasetStore.open(dir), d);
        assertThat(DatasetStore.readInfo(dir)).isEqualTo(written);
        assertThat(written.users()).isEqualTo(3);
        assertThat(written.events()).isEqualTo(5);
        assertThat(written.catalogItems()).isEqualTo(3);
        assertThat(written.formatVersion()).isEqualTo(DatasetStore.FORMAT_VERSION);
    }

    @Test
    void aSaveRemovesTemporariesThatKilledSavesLeftButNotFreshOnes() throws java.io.IOException {
        Path dir = tmp.resolve("ds");
        Path stale = java.nio.file.Files.createDirectories(tmp.resolve(".ds.tmp-123"));
        java.nio.file.Files.writeString(stale.resolve("events.bin"), "half written");
        java.nio.file.Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 3_600_000));
        Path fresh = java.nio.file.Files.createDirectories(tmp.resolve(".ds.tmp-456"));
        Path otherDataset = java.nio.file.Files.createDirectories(tmp.resolve(".other.tmp-789"));
        java.nio.file.Files.setLastModifiedTime(otherDataset, java.nio.file.attribute.FileTime.fromMillis(0));
        List<String> notes = new ArrayList<>();
        dev.seqmind.data.progress.Progress progress = new dev.seqmind.data.progress.Progress() {
            @Override
            public Task start(String name, long total, String unit) {
                return Task.NONE;
            }

            @Override
            public void note(String line) {
                notes.add(line);
            }
        };
        DatasetStore.save(sample(), dir, progress);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(otherDataset).exists();
        assertThat(notes).singleElement().asString().contains(".ds.tmp-123").contains("interrupted save");
        assertSameDataset(DatasetStore.open(dir), sample());
    }

    @Test
    void databaseHoldsTheSameDataset() {
        SequenceDataset d = sample();
        Path dir = tmp.resolve("ds");
        DatasetStore.save(d, dir);
        assertSameDataset(DatasetStore.openFromDatabase(dir), d);
    }

    @Test
    void interactionsViewSpeaksExternalIds() throws SQLException {
        Path dir = tmp.resolve("ds");
        DatasetStore.save(sample(), dir);
        List<String> rows = new ArrayList<>();
        try (Connection c = DuckDbMirror.connect(dir.resolve(DatasetStore.DATABASE), true);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"user\", item, action, time, epoch_ms(timestamp) FROM interactions")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) + "|"
                        + rs.getLong(5));
            }
        }
        List<String> physical = new ArrayList<>();
        try (Connection c = DuckDbMirror.connect(dir.resolve(DatasetStore.DATABASE), true);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT user_id, seq FROM events ORDER BY rowid")) {
            while (rs.next()) {
                physical.add(rs.getInt(1) + ":" + rs.getInt(2));
            }
        }
        assertThat(physical).as("events table in CSR order").containsExactly("0:0", "0:1", "0:2", "1:0", "1:1");
        assertThat(rows).containsExactly("u1|shirt|pv|1000|1000", "u1|shoe|cart|1000|1000", "u1|shoe|buy|2000|2000",
                "ü2 \"quoted\"|帽子|pv|5|5", "ü2 \"quoted\"|shirt|pv|7|7");
    }

    @Test
    void saveOverADatasetKeepsItsLedgerAndOtherSidecarFiles() throws IOException {
        Path dir = tmp.resolve("ds");
        DatasetStore.save(sample(), dir);
        Files.writeString(dir.resolve("privacy-ledger.jsonl"), "{\"epsilon\":1}\n");
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/top.tsv"), "a\tb\n");
        DatasetStore.save(sample(), dir);
        assertThat(Files.readString(dir.resolve("privacy-ledger.jsonl"))).isEqualTo("{\"epsilon\":1}\n");
        assertThat(Files.readString(dir.resolve("rules/top.tsv"))).isEqualTo("a\tb\n");
        assertSameDataset(DatasetStore.open(dir), sample());
    }

    @Test
    void emptyDatasetRoundTrips() {
        SequenceDataset d = new SequenceDatasetBuilder(DatasetInfo.of("empty", TimeKind.ORDINAL)).build();
        Path dir = tmp.resolve("empty");
        DatasetStore.save(d, dir);
        assertSameDataset(DatasetStore.open(dir), d);
        assertSameDataset(DatasetStore.openFromDatabase(dir), d);
    }

    @Test
    void saveReplacesAnExistingDatasetAndLeavesNoTemporaryFiles() throws IOException {
        Path dir = tmp.resolve("ds");
        DatasetStore.save(sample(), dir);
        SequenceDataset other = new SequenceDatasetBuilder(DatasetInfo.of("other", TimeKind.ORDINAL))
                .add("x", "y", "z", 1).build();
        DatasetStore.save(other, dir);
        assertSameDataset(DatasetStore.open(dir), other);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("ds");
        }
    }

    @Test
    void saveRefusesANonEmptyDirectoryThatIsNotADataset() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> DatasetStore.save(sample(), dir))
                .isInstanceOf(SeqmindException.class).hasMessageContaining(dir.toString()).hasMessageContaining("refusing");
        assertThat(dir.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void unknownFormatVersionIsRefusedWithTheFileAndVersionNamed() throws IOException {
        Path dir = tmp.resolve("ds");
        DatasetStore.save(sample(), dir);
        Path manifest = dir.resolve(DatasetStore.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        assertThatThrownBy(() -> DatasetStore.open(dir)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining(manifest.toString()).hasMessageContaining("formatVersion")
                .hasMessageContaining("99").hasMessageContaining("reads version 1");
        assertThatThrownBy(() -> DatasetStore.readInfo(dir)).isInstanceOf(InputFormatException.class);
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        for (String name : List.of(DatasetStore.MANIFEST, DatasetStore.EVENTS, DatasetStore.NAMES)) {
            Path dir = tmp.resolve("ds-" + name);
            DatasetStore.save(sample(), dir);
            Files.delete(dir.resolve(name));
            assertThatThrownBy(() -> DatasetStore.open(dir)).isInstanceOf(SeqmindException.class)
                    .hasMessageContaining(dir.resolve(name).toString()).hasMessageContaining("missing");
        }
        Path dir = tmp.resolve("ds-db");
        DatasetStore.save(sample(), dir);
        Files.delete(dir.resolve(DatasetStore.DATABASE));
        assertThatThrownBy(() -> DatasetStore.openFromDatabase(dir)).isInstanceOf(SeqmindException.class)
                .hasMessageContaining(dir.resolve(DatasetStore.DATABASE).toString());
        assertThatThrownBy(() -> DatasetStore.open(tmp.resolve("nowhere"))).isInstanceOf(SeqmindException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void truncatedOrGarbledFilesAreNamed() throws IOException {
        for (String name : List.of(DatasetStore.EVENTS, DatasetStore.NAMES, DatasetStore.MANIFEST)) {
            Path dir = tmp.resolve("trunc-" + name);
            DatasetStore.save(sample(), dir);
            Path f = dir.resolve(name);
            byte[] b = Files.readAllBytes(f);
            Files.write(f, Arrays.copyOf(b, b.length - 7), StandardOpenOption.TRUNCATE_EXISTING);
            assertThatThrownBy(() -> DatasetStore.open(dir)).isInstanceOf(SeqmindException.class)
                    .hasMessageContaining(f.toString());
        }
        Path dir = tmp.resolve("garbled-db");
        DatasetStore.save(sample(), dir);
        Files.write(dir.resolve(DatasetStore.DATABASE), "not a database at all".getBytes());
        assertThatThrownBy(() -> DatasetStore.openFromDatabase(dir)).isInstanceOf(SeqmindException.class)
                .hasMessageContaining(dir.resolve(DatasetStore.DATABASE).toString());
    }

    @Test
    void aFlippedEventByteFailsTheChecksumAndTheFingerprint() throws IOException {
        Path dir = tmp.resolve("ds");
        StoreManifest m = DatasetStore.save(sample(), dir);
        Path f = dir.resolve(DatasetStore.EVENTS);
        byte[] b = Files.readAllBytes(f);
        b[64 + 3 * 8] ^= 1; // fourth event's time 5 becomes 4: still a valid, sorted array
        Files.write(f, b);
        assertThatThrownBy(() -> DatasetStore.open(dir)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("checksum");
        assertThat(DatasetStore.open(dir, LoadCheck.STRUCTURE).time(3)).isEqualTo(4);
        // Make the checksum agree with the changed file: only the content fingerprint still notices.
        CRC32 crc = new CRC32();
        crc.update(b);
        Path manifest = dir.resolve(DatasetStore.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"events.bin\" : " + m.eventsCrc32(),
                "\"events.bin\" : " + crc.getValue()));
        assertThat(DatasetStore.open(dir, LoadCheck.CHECKSUM).time(3)).isEqualTo(4);
        assertThatThrownBy(() -> DatasetStore.open(dir, LoadCheck.FINGERPRINT)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("fingerprint");
    }

    @Test
    void aChangedNameFailsTheChecksum() throws IOException {
        Path dir = tmp.resolve("ds");
        DatasetStore.save(sample(), dir);
        Path f = dir.resolve(DatasetStore.NAMES);
        byte[] b = Files.readAllBytes(f);
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("shirt");
        b[at] = 'S';
        Files.write(f, b);
        assertThatThrownBy(() -> DatasetStore.open(dir)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("checksum");
        assertThat(DatasetStore.open(dir, LoadCheck.STRUCTURE).items().contains("Shirt")).isTrue();
    }
}
