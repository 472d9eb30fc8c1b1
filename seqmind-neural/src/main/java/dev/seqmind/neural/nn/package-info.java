/**
 * The building blocks the sequence networks are written in: named parameter tensors with their binary format
 * ({@link dev.seqmind.neural.nn.ParameterStore}), functional layers over DJL {@code NDArray}s
 * ({@link dev.seqmind.neural.nn.Layers}), the Transformer stack and input batches shared by the networks
 * ({@link dev.seqmind.neural.nn.TransformerStack}, {@link dev.seqmind.neural.nn.PaddedBatch},
 * {@link dev.seqmind.neural.nn.NextItemBatch}), gradient-free scoring ({@link dev.seqmind.neural.nn.GradientMode})
 * and an AdamW optimiser whose state can be checkpointed ({@link dev.seqmind.neural.nn.AdamW}).
 */
package dev.seqmind.neural.nn;
