package dev.seqmind.insight.vector;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Vectors that come from learned models rather than counted behaviour: a sequence model's state for each user's
 * history (the vector the model scores every item against) and a language model's embedding of each item's text.
 * Stateless.
 */
public final class ModelVectors {
    private ModelVectors() {
    }

    /**
     * Each user's state in the neural model saved in {@code modelDir} ({@link NeuralRecommender#userStates}): the
     * final hidden state of SASRec and BERT4Rec, the projected recurrent state of GRU4Rec and LSTM, SR-GNN's session
     * vector. The model is loaded on the native engine and closed afterwards.
     *
     * @throws SeqmindException if the directory holds no neural sequence model
     */
    public static VectorTable userStates(SequenceDataset data, Path modelDir) throws IOException {
        ModelDirectory.Meta meta = ModelDirectory.readMeta(modelDir);
        if (!meta.type().equals("neural")) {
            throw new SeqmindException(modelDir + " holds a '" + meta.type() + "' model, which has no hidden state; "
                    + "give a neural sequence model (seqmind train --algo sasrec|gru4rec|lstm|bert4rec|srgnn)");
        }
        try (Recommender model = ModelDirectory.load(modelDir)) {
            if (!(model instanceof NeuralRecommender neural)) {
                throw new SeqmindException(modelDir + " did not load as a neural sequence model");
            }
            return userStates(data, neural);
        }
    }

    /**
     * Each user's state in {@code model}. A history is the user's whole sequence, items mapped to the model by
     * external id (items the model does not know are dropped; the model keeps its most recent {@code maxLength});
     * users with no known item get a zero row. Users with identical (mapped) histories get identical rows.
     */
    public static VectorTable userStates(SequenceDataset data, NeuralRecommender model) {
        IdMap modelItems = model.items();
        int[] toModel = new int[data.numItems()];
        for (int i = 0; i < toModel.length; i++) {
            toModel[i] = modelItems.denseId(data.items().externalId(i));
        }
        List<int[]> histories = new ArrayList<>();
        int[] rowOf = new int[data.numUsers()];
        for (int u = 0; u < data.numUsers(); u++) {
            int[] h = new int[data.length(u)];
            int n = 0;
            for (int i = data.start(u); i < data.end(u); i++) {
                int m = toModel[data.item(i)];
                if (m != IdMap.ABSENT) {
                    h[n++] = m;
                }
            }
            rowOf[u] = n == 0 ? -1 : histories.size();
            if (n > 0) {
                histories.add(java.util.Arrays.copyOf(h, n));
            }
        }
        float[][] states = model.userStates(histories.toArray(int[][]::new));
        int dim = states.length > 0 ? states[0].length : model.itemVectors()[0].length;
        double[][] rows = new double[data.numUsers()][dim];
        for (int u = 0; u < rows.length; u++) {
            if (rowOf[u] >= 0) {
                float[] s = states[rowOf[u]];
                for (int j = 0; j < dim; j++) {
                    rows[u][j] = s[j];
                }
            }
        }
        List<String> columns = new ArrayList<>(dim);
        for (int j = 0; j < dim; j++) {
            columns.add("h" + j);
        }
        return new VectorTable("user hidden state (" + model.name() + ")", data.users().externalIds(), columns, rows);
    }

    /**
     * Each item's text (rendered from the catalog with the settings' template: title and genres by default) embedded
     * by the settings' language model, L2-normalised; items without text get a zero row (cosine 0 with everything).
     *
     * @throws dev.seqmind.data.error.InvalidParameterException if no item has any text (no --items table)
     */
    public static VectorTable textItems(SequenceDataset data, TextSettings settings) {
        dev.seqmind.neural.text.ItemVectors v = dev.seqmind.neural.text.ItemVectors.embed(settings, data.items(),
                data.catalog());
        int d = v.dimension();
        double[][] rows = new double[v.numItems()][d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; v.has()[i] && j < d; j++) {
                rows[i][j] = v.matrix()[i * d + j];
            }
        }
        List<String> columns = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            columns.add("t" + j);
        }
        return new VectorTable("item text embedding (" + v.modelId() + ")", data.items().externalIds(), columns,
                rows);
    }
}
