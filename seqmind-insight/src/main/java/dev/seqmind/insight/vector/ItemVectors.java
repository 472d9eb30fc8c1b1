package dev.seqmind.insight.vector;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.store.ItemEmbeddings;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Item vectors, from a saved model's learned item embeddings when the model has them, or from behaviour:
 * the item's categories (one column per kept category, {@code 1/c} for each of its {@code c}), its action mix
 * (share of its events per action, when there are several), {@code log events}, {@code log users} and
 * {@code mean position} (where in its users' sequences the item tends to come, 0 = first, 1 = last). Stateless.
 */
public final class ItemVectors {
    private ItemVectors() {
    }

    /** Behaviour vectors of every item of {@code data}, one row per dense item id. */
    public static VectorTable behaviour(SequenceDataset data, ItemCategories categories) {
        int numActions = data.actions().size();
        boolean actions = numActions > 1;
        List<String> columns = new ArrayList<>();
        for (String c : categories.names()) {
            columns.add("category:" + c);
        }
        int catWidth = columns.size();
        if (actions) {
            for (int a = 0; a < numActions; a++) {
                columns.add("action:" + data.actions().externalId(a));
            }
        }
        columns.addAll(List.of("log events", "log users", "mean position"));
        int n = data.numItems();
        double[][] rows = new double[n][columns.size()];
        double[] events = new double[n];
        double[] users = new double[n];
        double[] position = new double[n];
        int[] lastUser = new int[n];
        Arrays.fill(lastUser, -1);
        for (int u = 0; u < data.numUsers(); u++) {
            int len = data.length(u);
            for (int i = data.start(u); i < data.end(u); i++) {
                int item = data.item(i);
                events[item]++;
                if (actions) {
                    rows[item][catWidth + data.action(i)]++;
                }
                position[item] += len == 1 ? 0.5 : (i - data.start(u)) / (double) (len - 1);
                if (lastUser[item] != u) {
                    lastUser[item] = u;
                    users[item]++;
                }
            }
        }
        int base = catWidth + (actions ? numActions : 0);
        for (int item = 0; item < n; item++) {
            double[] r = rows[item];
            for (int k : categories.of(item)) {
                if (k >= 0) {
                    r[k] += 1.0 / categories.of(item).length;
                }
            }
            for (int a = 0; actions && a < numActions; a++) {
                r[catWidth + a] = events[item] == 0 ? 0 : r[catWidth + a] / events[item];
            }
            r[base] = Math.log1p(events[item]);
            r[base + 1] = Math.log1p(users[item]);
            r[base + 2] = events[item] == 0 ? 0.5 : position[item] / events[item];
        }
        return new VectorTable("item behaviour", data.items().externalIds(), columns, rows);
    }

    /**
     * The item embeddings of the neural model saved in {@code modelDir}, one row per item of the model's item map.
     *
     * @throws dev.seqmind.data.error.SeqmindException if the model is not a neural one or has no item table
     */
    public static VectorTable embeddings(Path modelDir) throws IOException {
        ModelDirectory.Meta meta = ModelDirectory.readMeta(modelDir);
        if (!meta.type().equals("neural")) {
            throw new SeqmindException(modelDir + " holds a '" + meta.type()
                    + "' model, which has no item embeddings; give a neural model (seqmind train) or leave --model "
                    + "out to use behaviour vectors");
        }
        ItemEmbeddings e = NeuralModelFormat.readItemEmbeddings(modelDir);
        IdMap items = e.items();
        List<String> columns = new ArrayList<>(e.dim());
        for (int j = 0; j < e.dim(); j++) {
            columns.add("e" + j);
        }
        double[][] rows = new double[items.size()][e.dim()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < e.dim(); j++) {
                rows[i][j] = e.vectors()[i * e.dim() + j];
            }
        }
        return new VectorTable("item embedding (" + meta.name() + ")", items.externalIds(), columns, rows);
    }
}
