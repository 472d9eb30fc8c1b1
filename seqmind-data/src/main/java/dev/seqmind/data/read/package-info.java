/**
 * Readers for real log formats (CSV/TSV, JSON lines, MovieLens, SASRec lines, S3-Rec sequence lines, SPMF, RecBole
 * atomic files, Taobao UserBehavior) and item side files, with gzip handled transparently and every malformed row
 * counted with its {@code file:line} (or, in strict mode, stopping the read).
 */
package dev.seqmind.data.read;
