package dev.seqmind.neural.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.modality.ModalityFile;
import dev.seqmind.neural.modality.ModalityReader;
import dev.seqmind.neural.modality.ModalityVectors;
import dev.seqmind.neural.modality.NpyArray;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.serve.SequenceEncoder;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.AddedItemVectors;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.ItemExtensible;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Items added to a loaded hybrid after it was saved are represented exactly as the model represents an item that is
 * present at load time without training events (the cold-item path): the oracle is the same trained model whose
 * directory holds the item ({@code full}), against that directory with the item cut out ({@code cut}) and added
 * back through {@link ItemExtensible}. Both serving forms, the native network and the pure-Java SASRec, must give
 * the oracle's scores.
 */
class HybridAddedItemsTest {
    private static final float[] M11_GENRE = {0.04f, 1.07f};
    private static final int[][] HISTORIES = {{0, 2, 1, 3}, {6, 8, 7, 9}, {6, 11}, {11}, {}, {0, 11, 2}};

    @TempDir
    static Path tmp;
    private static Path full;
    private static Path cut;
    private static ItemCatalog catalog;

    @BeforeAll
    static void trainSaveAndCut() throws IOException {
        SequenceDataset data = HybridSasRecTest.dataset();
        catalog = data.catalog();
        StringBuilder tsv = new StringBuilder("item\tg0\tg1\n");
        for (int i = 0; i < 11; i++) {
            tsv.append("m").append(i).append('\t').append(i < 6 ? "1\t0.1" : "0.1\t1").append('\n');
        }
        tsv.append("m11\t").append(M11_GENRE[0]).append('\t').append(M11_GENRE[1]).append('\n');
        Path genres = tmp.resolve("genres.tsv");
        Files.writeString(genres, tsv);
        var trainer = new HybridTrainer(new SasRecConfig(16, 1, 1, 0f, 8, SasRecLoss.FULL_SOFTMAX, 8),
                TextSettings.of(TextModelSpec.MINILM).withCacheDir(tmp.resolve("cache")),
                List.of(new ModalityFile("genre", genres)),
                TrainConfig.defaults().withEpochs(6).withBatch(32).withLearningRate(5e-3f).withPatience(0)
                        .withExcludeSeen(false), EngineOptions.defaults(), 0.3f);
        Recommender r = trainer.fit(data, new FitContext(5, 1, List.of(), dev.seqmind.data.progress.Progress.NONE));
        full = tmp.resolve("full");
        ModelDirectory.save(r, full, Provenance.of(data, trainer, FitContext.of(5)), data.catalog());
        r.close();
        cut = tmp.resolve("cut");
        cutLastItem(full, cut);
    }

    /** {@code from} without its last item (m11, which has no training events): ids, weights, text.json, vectors. */
    private static void cutLastItem(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : List.of("model.json", "card.json")) {
            if (Files.exists(from.resolve(f))) {
                Files.copy(from.resolve(f), to.resolve(f));
            }
        }
        IdMap ids = ItemsFile.readIds(from);
        int n = ids.size() - 1;
        assertThat(ids.externalId(n)).isEqualTo("m11");
        ItemsFile.write(to, IdMap.of(ids.externalIds().subList(0, n)), ItemsFile.readCatalog(from));
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(from.resolve("network.json").toFile());
        spec.put("numItems", n);
        json.writeValue(to.resolve("network.json").toFile(), spec);
        ParameterStore.Named w;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(from.resolve("weights.bin"))))) {
            w = ParameterStore.readArrays(in, "weights.bin");
        }
        Map<String, float[]> values = new LinkedHashMap<>(w.values());
        Map<String, long[]> shapes = new LinkedHashMap<>(w.shapes());
        long d = shapes.get("item_emb")[1];
        values.put("item_emb", Arrays.copyOf(values.get("item_emb"), (int) ((n + 1) * d)));
        shapes.put("item_emb", new long[] {n + 1, d});
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(to.resolve("weights.bin"))))) {
            ParameterStore.writeArrays(out, shapes, values);
        }
        ObjectNode text = (ObjectNode) json.readTree(from.resolve("text.json").toFile());
        var contentOnly = text.putArray("contentOnly");
        json.readTree(from.resolve("text.json").toFile()).get("contentOnly").forEach(i -> {
            if (i.asInt() != n) {
                contentOnly.add(i.asInt());
            }
        });
        ((ObjectNode) text.get("modalities").get(0)).put("items", n);
        json.writeValue(to.resolve("text.json").toFile(), text);
        ModalityVectors g = ModalityReader.read(new ModalityFile("genre", from.resolve("modality-genre.npy")), ids);
        NpyArray.writeFloat32(to.resolve("modality-genre.npy"), Arrays.copyOf(g.matrix(), n * 2), n, 2);
        Files.write(to.resolve("modality-genre.ids"), ids.externalIds().subList(0, n));
    }

    private static AddedItemVectors genre() {
        return new AddedItemVectors(Map.of("genre", Map.of("m11", M11_GENRE)));
    }

    private static float[][] scores(Recommender r) {
        float[][] out = new float[HISTORIES.length][12];
        for (int i = 0; i < HISTORIES.length; i++) {
            r.score(HISTORIES[i], out[i]);
        }
        return out;
    }

    @Test
    void anAddedItemScoresAsTheSameItemPresentAtLoadWithoutAnIdEmbedding() throws IOException {
        try (Recommender oracle = ModelDirectory.load(full); Recommender smaller = ModelDirectory.load(cut)) {
            assertThat(smaller.numItems()).isEqualTo(11);
            ItemExtensible x = (ItemExtensible) smaller;
            assertThat(x.scoresNewItems()).isTrue();
            assertThat(x.modalities()).containsEntry("genre", 2);
            try (Recommender bigger = x.withItems(List.of("m0", "m11"), catalog, genre())) {
                assertThat(bigger.items().denseId("m11")).isEqualTo(11);
                assertThat(bigger.items().denseId("m0")).isZero();
                float[][] want = scores(oracle);
                float[][] got = scores(bigger);
                for (int h = 0; h < HISTORIES.length; h++) {
                    for (int i = 0; i < 12; i++) {
                        assertThat(got[h][i]).as("history %d item %d", h, i)
                                .isCloseTo(want[h][i], within(1e-5f * Math.max(1f, Math.abs(want[h][i]))));
                    }
                }
                // a history that holds the added item is scored with it (not as if it were absent)
                float[] withoutIt = new float[12];
                bigger.score(new int[] {6}, withoutIt);
                assertThat(got[2]).isNotEqualTo(withoutIt);
            }
            // nothing new: the same model
            assertThat(x.withItems(List.of("m0"), catalog)).isSameAs(smaller);
        }
    }

    @Test
    void thePureJavaHybridGivesTheOracleScoresBeforeAndAfterAdding() throws IOException {
        try (Recommender oracle = ModelDirectory.load(full)) {
            float[][] want = scores(oracle);
            SequenceEncoder javaFull = NeuralModelFormat.loadPureJavaEncoder(full);
            assertThat(javaFull.name()).isEqualTo("sasrec-text");
            SequenceEncoder javaCut = NeuralModelFormat.loadPureJavaEncoder(cut);
            Recommender added = ((ItemExtensible) javaCut).withItems(List.of("m11"), catalog, genre());
            assertThat(added).isInstanceOf(SequenceEncoder.class);
            for (Recommender r : List.of(javaFull, added)) {
                float[][] got = scores(r);
                for (int h = 0; h < HISTORIES.length; h++) {
                    for (int i = 0; i < 12; i++) {
                        assertThat(got[h][i]).as("%s history %d item %d", r, h, i)
                                .isCloseTo(want[h][i], within(1e-4f * Math.max(1f, Math.abs(want[h][i]))));
                    }
                }
            }
            // the encoded form gives the same scores
            SequenceEncoder enc = (SequenceEncoder) added;
            float[] e = new float[enc.encodedSize()];
            enc.encode(HISTORIES[5], e);
            float[] viaEncoded = new float[12];
            enc.scoreEncoded(e, viaEncoded);
            float[] direct = new float[12];
            enc.score(HISTORIES[5], direct);
            assertThat(viaEncoded).containsExactly(direct);
        }
    }

    @Test
    void anItemWithoutContentOrWithABadVectorIsRefusedByName() throws IOException {
        try (Recommender smaller = ModelDirectory.load(cut)) {
            ItemExtensible x = (ItemExtensible) smaller;
            ItemCatalog empty = new ItemCatalog(Map.of("blank", new ItemMetadata("", List.of(), "", Map.of())));
            assertThatThrownBy(() -> x.withItems(List.of("blank"), empty))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("item blank");
            // a vector alone is content enough
            try (Recommender r = x.withItems(List.of("blank"), empty,
                    new AddedItemVectors(Map.of("genre", Map.of("blank", new float[] {1, 0}))))) {
                assertThat(r.numItems()).isEqualTo(12);
            }
            assertThatThrownBy(() -> x.withItems(List.of("m11"), catalog,
                    new AddedItemVectors(Map.of("genre", Map.of("m11", new float[] {1, 0, 0})))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("vector 'genre'")
                    .hasMessageContaining("2 values");
            assertThatThrownBy(() -> x.withItems(List.of("m11"), catalog,
                    new AddedItemVectors(Map.of("genre", Map.of("m11", new float[] {0, 0})))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("all zero");
        }
    }
}
