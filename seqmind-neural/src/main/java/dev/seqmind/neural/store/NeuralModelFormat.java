package dev.seqmind.neural.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.bert4rec.Bert4RecNetwork;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.gru4rec.Gru4RecNetwork;
import dev.seqmind.neural.model.ModelCard;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import dev.seqmind.neural.serve.HybridJavaForward;
import dev.seqmind.neural.serve.HybridParts;
import dev.seqmind.neural.serve.SasRecJavaForward;
import dev.seqmind.neural.serve.SequenceEncoder;
import dev.seqmind.neural.modality.ModalityFile;
import dev.seqmind.neural.modality.ModalityReader;
import dev.seqmind.neural.modality.ModalityVectors;
import dev.seqmind.neural.modality.NpyArray;
import dev.seqmind.neural.nn.ItemRepresentation;
import dev.seqmind.neural.text.HybridTrainer;
import dev.seqmind.neural.text.ItemVectors;
import dev.seqmind.neural.text.TextItemRepresentation;
import dev.seqmind.neural.text.BehaviourFeature;
import dev.seqmind.neural.text.UserText;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.neural.train.SequenceNetwork;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelFormat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads neural models (type {@code "neural"}): {@code network.json}, {@code weights.bin} and, when the
 * model carries one, {@code card.json}. {@link #load} puts every family on the native engine, which measured faster
 * per request than the pure-Java forward pass (ML-1M SASRec top-10, one thread: p50 1.7 ms vs 6.3 ms);
 * {@link #loadPureJava} gives the engine-free SASRec for hosts without the native library. Stateless and
 * thread-safe.
 */
public final class NeuralModelFormat implements ModelFormat {
    static final String NETWORK = "network.json";
    static final String WEIGHTS = "weights.bin";
    static final String CARD = "card.json";
    static final String TEXT = "text.json";
    /** A hybrid's copy of a modality's vectors: {@code modality-NAME.npy} and {@code modality-NAME.ids}. */
    static final String MODALITY_PREFIX = "modality-";
    /** The weights-file name of the item embedding table every family has. */
    static final String ITEM_EMBEDDINGS = "item_emb";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String type() {
        return "neural";
    }

    @Override
    public boolean supports(Recommender model) {
        return model instanceof NeuralRecommender || model instanceof SasRecJavaForward;
    }

    @Override
    public void save(Recommender model, Path dir) throws IOException {
        String family;
        Record config;
        Map<String, long[]> shapes;
        Map<String, float[]> values;
        ModelCard card;
        if (model instanceof NeuralRecommender nr) {
            SequenceNetwork net = nr.network();
            family = net.name();
            config = net.config();
            shapes = net.parameters().shapes();
            values = net.parameters().snapshot();
            card = nr.card();
        } else {
            SasRecJavaForward f = (SasRecJavaForward) model;
            family = "sasrec";
            config = f.config();
            shapes = f.shapes();
            values = f.weights();
            card = f.card();
        }
        JSON.writeValue(dir.resolve(NETWORK).toFile(),
                new NetworkSpec(family, model.numItems(), JSON.valueToTree(config)));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve(WEIGHTS)), 1 << 16))) {
            ParameterStore.writeArrays(out, shapes, values);
        }
        if (card != null) {
            JSON.writeValue(dir.resolve(CARD).toFile(), card);
        }
        if (model instanceof NeuralRecommender nr && representationOf(nr.network()) instanceof TextItemRepresentation t) {
            UserText user = nr.network() instanceof SasRecNetwork s && s.userFeature() instanceof BehaviourFeature b
                    ? b.settings() : null;
            JSON.writeValue(dir.resolve(TEXT).toFile(), t.saved().withUserText(user));
            for (ModalityVectors mv : t.modalities()) {
                writeModality(dir, mv, nr.items());
            }
        }
    }

    private static ItemRepresentation representationOf(SequenceNetwork net) {
        return switch (net) {
            case SasRecNetwork s -> s.representation();
            case Gru4RecNetwork g -> g.representation();
            default -> ItemRepresentation.ID_ONLY;
        };
    }

    /** {@code modality-NAME.npy} (the vectors as used, rows of the items that have one) and its {@code .ids}. */
    private static void writeModality(Path dir, ModalityVectors mv, IdMap items) throws IOException {
        int d = mv.dimension();
        float[] rows = new float[mv.present() * d];
        StringBuilder ids = new StringBuilder();
        int k = 0;
        for (int i = 0; i < mv.numItems(); i++) {
            if (mv.has()[i]) {
                System.arraycopy(mv.matrix(), i * d, rows, k++ * d, d);
                ids.append(items.externalId(i)).append('\n');
            }
        }
        Path npy = dir.resolve(MODALITY_PREFIX + mv.name() + ".npy");
        NpyArray.writeFloat32(npy, rows, k, d);
        Files.writeString(ModalityReader.idsFileOf(npy), ids);
    }

    @Override
    public Recommender load(Path dir) throws IOException {
        Loaded l = read(dir);
        return switch (l.spec().family()) {
            case "sasrec" -> onEngine(l.items(), l.named(), l.card(), p -> new SasRecNetwork(
                    treeToValue(l.spec(), SasRecConfig.class), l.items().size(), p, 0));
            case "gru4rec" -> onEngine(l.items(), l.named(), l.card(), p -> new Gru4RecNetwork(
                    treeToValue(l.spec(), Gru4RecConfig.class), l.items().size(), p, 0));
            case "lstm" -> {
                dev.seqmind.neural.lstm.LstmRecNetwork.requireCurrentCell(l.named().values().keySet(),
                        dir.toString());
                yield onEngine(l.items(), l.named(), l.card(), p -> new dev.seqmind.neural.lstm.LstmRecNetwork(
                        treeToValue(l.spec(), dev.seqmind.neural.lstm.LstmRecConfig.class), l.items().size(), p, 0));
            }
            case "srgnn" -> onEngine(l.items(), l.named(), l.card(), p -> new dev.seqmind.neural.srgnn.SrGnnNetwork(
                    treeToValue(l.spec(), dev.seqmind.neural.srgnn.SrGnnConfig.class), l.items().size(), p, 0));
            case "bert4rec" -> onEngine(l.items(), l.named(), l.card(), p -> new Bert4RecNetwork(
                    treeToValue(l.spec(), Bert4RecConfig.class), l.items().size(), p, 0));
            case TextItemRepresentation.FAMILY -> hybrid(dir, l, treeToValue(l.spec(), SasRecConfig.class));
            case TextItemRepresentation.GRU_FAMILY -> hybrid(dir, l, treeToValue(l.spec(), Gru4RecConfig.class));
            default -> throw new SeqmindException(dir.resolve(NETWORK) + ": unknown network family '"
                    + l.spec().family() + "' (known: sasrec, sasrec-text, gru4rec, gru4rec-text, lstm, srgnn, "
                    + "bert4rec)");
        };
    }

    /**
     * Loads a SASRec directory as the pure-Java {@link SasRecJavaForward} (no native engine).
     *
     * @throws SeqmindException if the directory holds another family
     */
    public static SasRecJavaForward loadPureJava(Path dir) throws IOException {
        Loaded l = read(dir);
        if (!l.spec().family().equals("sasrec")) {
            throw new SeqmindException(dir + " holds a " + l.spec().family()
                    + " model; only SASRec has a pure-Java forward pass");
        }
        return new SasRecJavaForward(treeToValue(l.spec(), SasRecConfig.class), l.items(), l.named().values(),
                l.named().shapes(), l.card());
    }

    /**
     * Loads a SASRec or hybrid SASRec ({@code sasrec-text}) directory for the pure-Java forward pass: the id-only
     * one as {@link #loadPureJava}, the hybrid as {@link HybridJavaForward} (its fused item table computed once).
     *
     * @throws SeqmindException if the directory holds another family
     */
    public static SequenceEncoder loadPureJavaEncoder(Path dir) throws IOException {
        if (!family(dir).equals(TextItemRepresentation.FAMILY)) {
            return loadPureJava(dir);
        }
        Loaded l = read(dir);
        return new HybridJavaForward(hybridParts(dir, l, treeToValue(l.spec(), SasRecConfig.class)));
    }

    /** A hybrid model on the native engine ({@link HybridParts#onEngine}). */
    private static NeuralRecommender hybrid(Path dir, Loaded l, Record config) throws IOException {
        return hybridParts(dir, l, config).onEngine();
    }

    /**
     * What a hybrid is rebuilt from: the item text comes back from items.json (the vector cache makes this cheap
     * after the first load), each modality from the directory's own copy of its vectors.
     */
    private static HybridParts hybridParts(Path dir, Loaded l, Record config) throws IOException {
        TextItemRepresentation.Saved saved = readText(dir);
        TextSettings settings = TextSettings.of(saved.model()).withTemplate(saved.template());
        var catalog = ItemsFile.readCatalog(dir);
        ItemVectors vectors = ItemVectors.embed(settings, l.items(), catalog);
        List<ModalityVectors> modalities = new ArrayList<>();
        for (TextItemRepresentation.SavedModality m : saved.modalities()) {
            Path npy = dir.resolve(MODALITY_PREFIX + m.name() + ".npy");
            if (!Files.isRegularFile(npy)) {
                throw new SeqmindException(npy + " is missing: the model uses item vectors '" + m.name() + "'");
            }
            ModalityVectors mv = ModalityReader.read(new ModalityFile(m.name(), npy), l.items());
            if (mv.dimension() != m.dimension() || mv.present() != m.items()) {
                throw new SeqmindException(npy + ": " + mv.present() + " vectors of " + mv.dimension()
                        + " dims, text.json says " + m.items() + " of " + m.dimension());
            }
            modalities.add(mv);
        }
        int[] counts = TextItemRepresentation.countsFrom(l.items().size(), saved.contentOnly());
        BehaviourFeature user = saved.userText() == null ? null
                : HybridTrainer.userFeature(settings, saved.userText(), l.items(), catalog, line -> { });
        return new HybridParts(config, l.items(), l.named().values(), l.card(), vectors, modalities, counts,
                settings, saved.idDropout(), user);
    }

    private static TextItemRepresentation.Saved readText(Path dir) throws IOException {
        Path f = dir.resolve(TEXT);
        if (!Files.isRegularFile(f)) {
            throw new SeqmindException(f + " is missing: a sasrec-text model needs its text model and template");
        }
        return JSON.readValue(f.toFile(), TextItemRepresentation.Saved.class);
    }

    /**
     * The item embedding table of a saved neural model ({@code item_emb} of every family: row {@code i + 1} is dense
     * item {@code i}; the padding and mask rows are left out), read from the weights file without the native engine.
     */
    public static ItemEmbeddings readItemEmbeddings(Path dir) throws IOException {
        Loaded l = read(dir);
        float[] table = l.named().values().get(ITEM_EMBEDDINGS);
        long[] shape = l.named().shapes().get(ITEM_EMBEDDINGS);
        if (table == null || shape == null || shape.length != 2 || shape[0] < l.items().size() + 1L) {
            throw new SeqmindException(dir.resolve(WEIGHTS) + ": no " + ITEM_EMBEDDINGS + " table of at least "
                    + (l.items().size() + 1) + " rows; the model does not expose item embeddings");
        }
        int dim = (int) shape[1];
        float[] rows = Arrays.copyOfRange(table, dim, dim * (l.items().size() + 1));
        return new ItemEmbeddings(l.items(), dim, rows);
    }

    /** The network family a neural model directory holds ({@code sasrec}, {@code bert4rec}, ...), from its spec alone. */
    public static String family(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(NETWORK).toFile(), NetworkSpec.class).family();
    }

    private record Loaded(NetworkSpec spec, IdMap items, ParameterStore.Named named, ModelCard card) {
    }

    private static Loaded read(Path dir) throws IOException {
        NetworkSpec spec = JSON.readValue(dir.resolve(NETWORK).toFile(), NetworkSpec.class);
        IdMap items = ItemsFile.readIds(dir);
        if (items.size() != spec.numItems()) {
            throw new SeqmindException(dir + ": items.json has " + items.size() + " items, network.json says "
                    + spec.numItems() + "; the directory is inconsistent");
        }
        ParameterStore.Named named;
        Path weights = dir.resolve(WEIGHTS);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            named = ParameterStore.readArrays(in, weights.toString());
        }
        ModelCard card = Files.isRegularFile(dir.resolve(CARD))
                ? JSON.readValue(dir.resolve(CARD).toFile(), ModelCard.class) : null;
        return new Loaded(spec, items, named, card);
    }

    private static <T> T treeToValue(NetworkSpec spec, Class<T> type) {
        try {
            return JSON.treeToValue(spec.config(), type);
        } catch (IOException e) {
            throw new SeqmindException("network.json: cannot read the " + spec.family() + " configuration: "
                    + e.getMessage(), e);
        }
    }

    private static NeuralRecommender onEngine(IdMap items, ParameterStore.Named named, ModelCard card,
                                              java.util.function.Function<ParameterStore, SequenceNetwork> build) {
        var engine = NeuralEngine.start();
        SequenceNetwork net = build.apply(new ParameterStore(engine.newBaseManager()));
        net.parameters().restore(named.values());
        return new NeuralRecommender(net.name(), items, net).withCard(card);
    }
}
