/** Fitted neural models behind the {@link dev.seqmind.rec.Recommender} seam, and how trainers build them. */
package dev.seqmind.neural.model;
