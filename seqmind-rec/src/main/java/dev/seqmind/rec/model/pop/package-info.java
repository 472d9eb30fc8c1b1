/** Most-popular and recently-popular models: one fixed score per item, counted over training events only. */
package dev.seqmind.rec.model.pop;
