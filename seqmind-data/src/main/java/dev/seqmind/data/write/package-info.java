/** Writers for the formats other tools read: SPMF, RecBole atomic files, SASRec lines, sequence lines. */
package dev.seqmind.data.write;
