package dev.seqmind.server;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small shop for server tests: 40 items {@code i0..i39} titled "Item n" in categories "even"/"odd", 300 users
 * who mostly walk {@code i(k) -> i(k+1) -> i(k+2)}, saved as a dataset directory and as fitted model directories,
 * plus a key file with one key per role.
 */
public final class Fixtures {
    public static final int ITEMS = 40;

    /** Where things were written, and the raw keys (the key file holds only their hashes). */
    public record Shop(Path dataset, Path markov, Path pop, Path keys, String readKey, String writeKey,
                       String adminKey) {
    }

    private Fixtures() {
    }

    public static SequenceDataset data() {
        SplittableRandom r = new SplittableRandom(7);
        Map<String, ItemMetadata> cat = new HashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            cat.put("i" + i, new ItemMetadata("Item " + i, List.of(i % 2 == 0 ? "even" : "odd"), "", Map.of()));
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("shop", TimeKind.EPOCH_MILLIS), 4096)
                .catalog(new ItemCatalog(cat));
        long t = 1_700_000_000_000L;
        for (int u = 0; u < 300; u++) {
            int item = r.nextInt(ITEMS);
            int len = 5 + r.nextInt(10);
            for (int j = 0; j < len; j++) {
                b.add("u" + u, "i" + item, "view", t += 1000);
                item = r.nextInt(10) < 8 ? (item + 1) % ITEMS : r.nextInt(ITEMS);
            }
        }
        return b.build();
    }

    public static Shop shop(Path dir) throws IOException {
        SequenceDataset data = data();
        Path dataset = dir.resolve("dataset");
        DatasetStore.save(data, dataset);
        Path markov = save(data, "markov1", dir.resolve("models/markov1"));
        Path pop = save(data, "pop", dir.resolve("models/pop"));
        Keys k = keys(dir);
        return new Shop(dataset, markov, pop, k.file(), k.read(), k.write(), k.admin());
    }

    /** A key file with one fresh key of each role. */
    public record Keys(Path file, String read, String write, String admin) {
    }

    /** Writes {@code dir/keys.txt} with a new read, write and admin key. */
    public static Keys keys(Path dir) throws IOException {
        SecureRandom rnd = new SecureRandom();
        String read = ApiKeys.newKey(rnd);
        String write = ApiKeys.newKey(rnd);
        String admin = ApiKeys.newKey(rnd);
        Path keys = dir.resolve("keys.txt");
        Files.write(keys, List.of("# test keys", ApiKeys.line(Role.READ, "reader", read),
                ApiKeys.line(Role.WRITE, "writer", write), ApiKeys.line(Role.ADMIN, "admin", admin)));
        return new Keys(keys, read, write, admin);
    }

    private static Path save(SequenceDataset data, String name, Path dir) throws IOException {
        RecommenderTrainer t = ClassicTrainers.byName(name).orElseThrow();
        ModelDirectory.save(t.fit(data, FitContext.of(1)), dir, Provenance.of(data, t, FitContext.of(1)),
                data.catalog());
        return dir;
    }

    /**
     * A small SASRec (dim 16, 2 blocks, 1 head, max length 12) over {@code items}, its weights moved far enough from their
     * initialisation that scores depend on the history, saved as a model directory at {@code dir}.
     */
    public static Path sasrec(Path dir, dev.seqmind.data.model.IdMap items, long seed) throws IOException {
        var engine = dev.seqmind.neural.engine.NeuralEngine.start(
                dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(1));
        var cfg = new dev.seqmind.neural.sasrec.SasRecConfig(16, 2, 1, 0.1f, 12,
                dev.seqmind.neural.sasrec.SasRecLoss.FULL_SOFTMAX, 8);
        var net = new dev.seqmind.neural.sasrec.SasRecNetwork(cfg, items.size(),
                new dev.seqmind.neural.nn.ParameterStore(engine.newBaseManager()), 5);
        SplittableRandom rng = new SplittableRandom(seed);
        var snap = net.parameters().snapshot();
        snap.values().forEach(v -> {
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (rng.nextDouble() - 0.5) * 0.5f;
            }
        });
        net.parameters().restore(snap);
        try (var model = new dev.seqmind.neural.model.NeuralRecommender("sasrec", items, net)) {
            ModelDirectory.save(model, dir, new Provenance("t", List.of(), List.of(), "f", 1, items.size(), 1,
                    "sasrec", "x", Map.of(), 1, "v", "g", "j", "o"));
        }
        return dir;
    }

    /** A configuration serving {@code shop} with markov1 on a SQLite store under {@code dir}. */
    public static ServerConfig config(Shop shop, Path dir, Limits limits) {
        return new ServerConfig("127.0.0.1", 0, dir.resolve("events.sqlite").toString(), shop.dataset(),
                Map.of("markov1", shop.markov()), null, shop.keys(), null, 50, limits);
    }
}
