/**
 * Per-item vectors of other modalities (image or audio embeddings computed elsewhere) read from files: NumPy
 * {@code .npy} arrays with an item-id file or an id column ({@link dev.seqmind.neural.modality.NpyArray}) and
 * tab-separated text ({@link dev.seqmind.neural.modality.ModalityReader}). The reader checks the dimension, rejects
 * NaN, infinite and all-zero rows and repeated ids with {@code file:line: field: problem}, counts ids the dataset lacks,
 * and marks the dataset's items the file lacks in a mask ({@link dev.seqmind.neural.modality.ModalityVectors}), so
 * that a missing vector is never a row of zeros read as data.
 */
package dev.seqmind.neural.modality;
