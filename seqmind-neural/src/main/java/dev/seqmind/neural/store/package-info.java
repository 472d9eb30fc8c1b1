/**
 * Neural model directories: {@code network.json} (family, architecture, item count), {@code weights.bin}
 * ({@link dev.seqmind.neural.nn.ParameterStore}'s format) and {@code card.json} (the model card), written and read
 * through seqmind-rec's {@link dev.seqmind.rec.store.ModelDirectory} by {@link dev.seqmind.neural.store.NeuralModelFormat}.
 */
package dev.seqmind.neural.store;
