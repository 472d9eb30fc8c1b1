/**
 * Neural sequence recommenders (SASRec, BERT4Rec, GRU4Rec) trained on DJL with the PyTorch engine, behind the
 * {@link dev.seqmind.rec.Recommender} seam. The only module that loads native ML libraries; every entry point goes
 * through {@link dev.seqmind.neural.engine.NeuralEngine} first so that the engine starts offline.
 */
package dev.seqmind.neural;
