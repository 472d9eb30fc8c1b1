package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.gru4rec.Gru4RecNetwork;
import dev.seqmind.neural.modality.ModalityFile;
import dev.seqmind.neural.modality.ModalityReader;
import dev.seqmind.neural.modality.ModalityVectors;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.nn.HistoryFeature;
import dev.seqmind.neural.nn.ItemRepresentation;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import dev.seqmind.neural.train.SequenceNetwork;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * SASRec or GRU4Rec whose item representation fuses the id embedding with a learned projection of the item's text
 * vector and of each other modality's vector ({@link TextItemRepresentation}); items without training events are
 * scored from their content alone. Same architecture, training loop and defaults as {@code sasrec} or
 * {@code gru4rec}, so each hybrid compares one-to-one with its id-only model.
 *
 * @param config     the architecture: a {@link SasRecConfig} ({@code sasrec-text}) or a {@link Gru4RecConfig}
 *                   ({@code gru4rec-text})
 * @param text       model, template and cache of the item text vectors
 * @param modalities other per-item vector files, read against the training data's items at each fit
 * @param training   the training loop's settings
 * @param engine     engine options
 * @param idDropout  probability of dropping a known item's id part in a training step ({@link TextItemRepresentation})
 * @param userText   the behaviour sentence as a user-side feature ({@link BehaviourFeature}, SASRec only), or
 *                   {@code null} for none (the default)
 */
public record HybridTrainer(Record config, TextSettings text, List<ModalityFile> modalities, TrainConfig training,
                            EngineOptions engine, float idDropout, UserText userText) implements RecommenderTrainer {
    /** The default id dropout. */
    public static final float ID_DROPOUT = 0.3f;

    public HybridTrainer {
        if (!(config instanceof SasRecConfig || config instanceof Gru4RecConfig)) {
            throw new InvalidParameterException("config", config, "a SASRec or GRU4Rec configuration");
        }
        Objects.requireNonNull(text, "text");
        modalities = List.copyOf(modalities);
        ModalityFile.requireDistinct("--item-vectors", modalities);
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(engine, "engine");
        if (userText != null && !(config instanceof SasRecConfig)) {
            throw new InvalidParameterException("--user-text", "on", "only with sasrec-text (the sentence is fused "
                    + "into SASRec's final state)");
        }
    }

    /** Without the user-side behaviour sentence. */
    public HybridTrainer(Record config, TextSettings text, List<ModalityFile> modalities, TrainConfig training,
                         EngineOptions engine, float idDropout) {
        this(config, text, modalities, training, engine, idDropout, null);
    }

    /** The same trainer with the user-side behaviour sentence ({@code null} = none). */
    public HybridTrainer withUserText(UserText value) {
        return new HybridTrainer(config, text, modalities, training, engine, idDropout, value);
    }

    /** The registered {@code sasrec-text}: SASRec+ and the default training settings, as {@code sasrec} uses. */
    public static HybridTrainer sasRec(TextSettings text) {
        return new HybridTrainer(SasRecConfig.sasRecPlus(), text, List.of(), TrainConfig.defaults(),
                EngineOptions.defaults(), ID_DROPOUT);
    }

    /** The registered {@code gru4rec-text}: GRU4Rec's and the training defaults, as {@code gru4rec} uses. */
    public static HybridTrainer gru4Rec(TextSettings text) {
        return new HybridTrainer(Gru4RecConfig.defaults(), text, List.of(), TrainConfig.defaults(),
                EngineOptions.defaults(), ID_DROPOUT);
    }

    @Override
    public String name() {
        return config instanceof SasRecConfig ? TextItemRepresentation.FAMILY : TextItemRepresentation.GRU_FAMILY;
    }

    @Override
    public HybridTrainer withMaxEpochs(int epochs) {
        return new HybridTrainer(config, text, modalities, training.withEpochs(Math.min(epochs, training.epochs())),
                engine, idDropout, userText);
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        return neuralTrainer(train, line -> { }).fit(train, context);
    }

    /**
     * The neural trainer for {@code train}: embeds its items' text and reads the modality files now (the
     * representation depends on the data), for callers that want the training state or checkpoints
     * ({@code seqmind train}). Each modality's coverage goes to {@code log}.
     */
    public NeuralTrainer neuralTrainer(SequenceDataset train, Consumer<String> log) {
        ItemVectors vectors = ContentKnnTrainer.embedItems(text, train);
        List<ModalityVectors> read = new ArrayList<>();
        for (ModalityFile f : modalities) {
            try {
                ModalityVectors mv = ModalityReader.read(f, train.items());
                log.accept("item vectors '" + f.name() + "' (" + f.file() + ", " + mv.dimension() + " dims): "
                        + mv.coverage().describe());
                read.add(mv);
            } catch (IOException e) {
                throw new dev.seqmind.data.error.SeqmindException(f.file() + ": " + e.getMessage(), e);
            }
        }
        var representation = new TextItemRepresentation(vectors, read, train.itemCounts(), text, idDropout);
        BehaviourFeature user = userText == null ? null : userFeature(text, userText, train.items(), train.catalog(),
                log);
        return new NeuralTrainer(name(), (n, p, s) -> network(config, n, p, s, representation, user), config,
                training, engine, log);
    }

    /** The behaviour sentence of {@code settings} over {@code items}, embedded by {@code text}'s model and cache. */
    public static BehaviourFeature userFeature(TextSettings text, UserText settings, dev.seqmind.data.model.IdMap items,
                                               dev.seqmind.data.model.ItemCatalog catalog, Consumer<String> log) {
        return new BehaviourFeature(new BehaviourText(items, catalog, settings.historyItems(), settings.verb()),
                text.openEmbedder(), settings, log);
    }

    /** The network of {@code config}'s family over {@code representation}'s item table. */
    public static SequenceNetwork network(Record config, int numItems, ParameterStore params, long seed,
                                          ItemRepresentation representation) {
        return network(config, numItems, params, seed, representation, null);
    }

    /** The same with a history feature fused into SASRec's final state ({@code null} = none). */
    public static SequenceNetwork network(Record config, int numItems, ParameterStore params, long seed,
                                          ItemRepresentation representation, HistoryFeature userFeature) {
        if (userFeature != null && !(config instanceof SasRecConfig)) {
            throw new IllegalArgumentException("a history feature is fused into SASRec only");
        }
        return switch (config) {
            case SasRecConfig c -> new SasRecNetwork(c, numItems, params, seed, representation, userFeature);
            case Gru4RecConfig c -> new Gru4RecNetwork(c, numItems, params, seed, representation);
            default -> throw new IllegalArgumentException("no hybrid of " + config.getClass().getSimpleName());
        };
    }
}
