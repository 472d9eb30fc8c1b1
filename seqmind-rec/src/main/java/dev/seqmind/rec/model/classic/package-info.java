/**
 * The registry of the classic models: their names, default trainers and the {@link dev.seqmind.rec.TrainerProvider}
 * that offers them as baselines. It sits above the model families so that they depend only on the shared pieces of
 * {@code dev.seqmind.rec.model}, never on each other through it.
 */
package dev.seqmind.rec.model.classic;
