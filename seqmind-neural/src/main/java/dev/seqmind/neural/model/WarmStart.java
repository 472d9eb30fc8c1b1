package dev.seqmind.neural.model;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.neural.train.SequenceNetwork;
import dev.seqmind.rec.store.ItemsFile;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a fresh network from a saved model's weights ({@code train --init-from DIR}): every parameter the saved
 * model has is copied by name; the network's parameters it lacks (e.g. a long-history memory added on top of a
 * converged model) keep their fresh initial values, and saved parameters the network lacks are left out. The saved
 * model must be of the same family and score the same items in the same order, and every shared parameter must
 * have the same shape. Stateless.
 */
public final class WarmStart {
    private WarmStart() {
    }

    /**
     * Copies {@code dir}'s weights into {@code network}.
     *
     * @param items the items the network is trained on (the saved model's {@code items.json} must equal them)
     * @param log   one line naming what was copied and what was left fresh
     * @throws SeqmindException when the directory is not a model of this family and these items
     */
    public static void apply(SequenceNetwork network, Path dir, IdMap items, Consumer<String> log) {
        try {
            String family = NeuralModelFormat.family(dir);
            if (!family.equals(network.name())) {
                throw new SeqmindException("--init-from " + dir + ": holds a " + family + " model; this run trains "
                        + network.name());
            }
            IdMap saved = ItemsFile.readIds(dir);
            if (!saved.externalIds().equals(items.externalIds())) {
                throw new SeqmindException("--init-from " + dir + ": its " + saved.size() + " items are not this "
                        + "data's " + items.size() + " items in the same order; warm-start only from a model "
                        + "trained on the same data");
            }
            Path file = dir.resolve("weights.bin");
            ParameterStore.Named named;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                named = ParameterStore.readArrays(in, file.toString());
            }
            ParameterStore params = network.parameters();
            Map<String, long[]> shapes = params.shapes();
            Map<String, float[]> values = new LinkedHashMap<>(params.snapshot());
            List<String> fresh = new ArrayList<>();
            for (String name : shapes.keySet()) {
                float[] v = named.values().get(name);
                if (v == null) {
                    fresh.add(name);
                    continue;
                }
                if (!Arrays.equals(named.shapes().get(name), shapes.get(name))) {
                    throw new SeqmindException(file + ": parameter " + name + " has shape "
                            + Arrays.toString(named.shapes().get(name)) + ", this network's is "
                            + Arrays.toString(shapes.get(name)) + "; --init-from needs the same architecture");
                }
                values.put(name, v);
            }
            if (fresh.size() == shapes.size()) {
                throw new SeqmindException(file + ": shares no parameter with this " + network.name() + " network");
            }
            List<String> ignored = new ArrayList<>(named.values().keySet());
            ignored.removeAll(shapes.keySet());
            params.restore(values);
            log.accept("warm start from " + dir + ": " + (shapes.size() - fresh.size()) + " parameters copied"
                    + (fresh.isEmpty() ? "" : ", fresh: " + String.join(", ", fresh))
                    + (ignored.isEmpty() ? "" : ", not used: " + String.join(", ", ignored)));
        } catch (IOException e) {
            throw new UncheckedIOException("--init-from " + dir + ": " + e.getMessage(), e);
        }
    }
}
