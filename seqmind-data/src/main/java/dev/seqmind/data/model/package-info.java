/**
 * The vocabulary every module speaks: {@link dev.seqmind.data.model.Interaction}, {@link dev.seqmind.data.model.IdMap}
 * and the immutable CSR {@link dev.seqmind.data.model.SequenceDataset} with its item catalog and provenance info.
 */
package dev.seqmind.data.model;
