/**
 * Pretrained sentence-embedding models in the loop: a batched ONNX Runtime text encoder ({@link
 * dev.seqmind.neural.text.OnnxTextEncoder}) over models that ship inside Maven Central jars (all-MiniLM-L6-v2 for
 * English, bge-small-zh-v1.5 for Chinese) or any local ONNX model with its {@code tokenizer.json}; an on-disk cache
 * keyed by model and text hash ({@link dev.seqmind.neural.text.EmbeddingCache}); item text rendered from catalog
 * metadata by a template ({@link dev.seqmind.neural.text.ItemTextTemplate}); and the recommenders that use the
 * embeddings (content k-NN, zero-shot behaviour-as-text).
 *
 * <p>Everything runs in-process and offline: the model bytes come from the classpath or a local file, never from a
 * hub at run time.
 */
package dev.seqmind.neural.text;
