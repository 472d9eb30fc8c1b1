/**
 * Model directories for a server: {@code model.json} (type, format version, provenance), {@code items.json} (the
 * item id map with titles and categories) and the model's own files, written and read by a
 * {@link dev.seqmind.rec.store.ModelFormat} found through {@link java.util.ServiceLoader} by its type. Loaders
 * refuse format versions they do not know. {@link dev.seqmind.rec.store.SingleFileFormat} serves the formats whose
 * model is one {@link dev.seqmind.rec.store.ArrayFile}.
 */
package dev.seqmind.rec.store;
